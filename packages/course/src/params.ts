/** Checking the `params` of challenge.yaml: each param is an int range, a float range or a choice. */
import { showValue } from './issues.js'
import { TEMPLATE_HELPERS } from './templates.js'
import type { ParamSpec, ParamValues } from './types.js'
import { floatSteps } from './variants.js'

/** Validate the `params` map; returns null when any param is malformed. */
export function checkParams(
  raw: Record<string, unknown>,
  report: (message: string, path: PropertyKey[]) => void,
): Record<string, ParamSpec> | null {
  const params: Record<string, ParamSpec> = {}
  let ok = true
  const bad = (message: string, path: PropertyKey[]) => {
    ok = false
    report(message, path)
  }
  const isNumberPair = (value: unknown, integer: boolean): value is [number, number] =>
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((x) => typeof x === 'number' && Number.isFinite(x) && (!integer || Number.isInteger(x)))
  for (const [name, spec] of Object.entries(raw)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      bad('a param name is a letter or `_`, then letters, digits or `_` (it is used as `{{name}}`)', [name])
      continue
    }
    if ((TEMPLATE_HELPERS as readonly string[]).includes(name)) {
      bad(`\`${name}\` is a template helper (${TEMPLATE_HELPERS.join(', ')}); choose another param name`, [
        name,
      ])
      continue
    }
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      bad(
        `expected {int: [min, max]}, {float: [min, max], decimals: n} or {choice: [a, b]}, got ${showValue(spec)}`,
        [name],
      )
      continue
    }
    const keys = Object.keys(spec).sort().join(',')
    const value = spec as Record<string, unknown>
    if (keys === 'int') {
      if (!isNumberPair(value.int, true))
        bad(`expected [min, max] with integers, got ${showValue(value.int)}`, [name, 'int'])
      else if (value.int[0] > value.int[1])
        bad(`min ${value.int[0]} is greater than max ${value.int[1]}`, [name, 'int'])
      else params[name] = { int: value.int }
    } else if (keys === 'decimals,float') {
      const decimals = value.decimals
      if (!isNumberPair(value.float, false))
        bad(`expected [min, max] with numbers, got ${showValue(value.float)}`, [name, 'float'])
      else if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
        bad(`expected an integer from 0 to 10, got ${showValue(decimals)}`, [name, 'decimals'])
      } else {
        const spec = { float: value.float, decimals }
        const [low, high] = floatSteps(spec)
        if (low > high)
          bad(`no value with ${decimals} decimals lies in [${value.float[0]}, ${value.float[1]}]`, [
            name,
            'float',
          ])
        else params[name] = spec
      }
    } else if (keys === 'choice') {
      const choice = value.choice
      if (
        !Array.isArray(choice) ||
        choice.length === 0 ||
        !choice.every((x) => typeof x === 'string' || typeof x === 'number')
      ) {
        bad(`expected a non-empty list of strings or numbers, got ${showValue(choice)}`, [name, 'choice'])
      } else params[name] = { choice }
    } else {
      bad(
        `expected {int: [min, max]}, {float: [min, max], decimals: n} or {choice: [a, b]}, got ${showValue(spec)}`,
        [name],
      )
    }
  }
  return ok ? params : null
}

/** Two samples: every param at its lowest (first choice), then at its highest (last choice). */
export function sampleParams(params: Record<string, ParamSpec>): ParamValues[] {
  const pick = (end: 0 | 1): ParamValues =>
    Object.fromEntries(
      Object.entries(params).map(([name, spec]) => {
        if ('int' in spec) return [name, spec.int[end]]
        if ('float' in spec) return [name, floatSteps(spec)[end] / 10 ** spec.decimals]
        return [name, spec.choice[end === 0 ? 0 : spec.choice.length - 1]!]
      }),
    )
  return [pick(0), pick(1)]
}
