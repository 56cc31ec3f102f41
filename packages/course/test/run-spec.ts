/** A minimal stand-in for the grader, so tests can check that specs tell right from wrong. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { compareValues, isPropertySpec, type PropertySpec } from '../src/index.js'

type Fn = (...args: unknown[]) => unknown

/** The first failure message of `candidate` against `reference` on the spec's examples, then random runs. */
export function firstFailure(
  spec: PropertySpec,
  candidate: Fn,
  reference: Fn,
  examplesOnly = false,
): string | null {
  const verdict = (args: unknown[]): string | null => {
    let actual: unknown
    try {
      actual = candidate(...structuredClone(args))
    } catch (error) {
      return `threw ${(error as Error).message}`
    }
    const expected = reference(...structuredClone(args))
    return spec.check ? spec.check(args, actual, expected) : compareValues(actual, expected, spec.tolerance)
  }
  for (const example of spec.examples) {
    const failure = verdict(example)
    if (failure) return failure
  }
  if (examplesOnly) return null
  const result = fc.check(
    fc.property(spec.args, (args) => verdict(args) === null),
    { numRuns: spec.numRuns, seed: 42 },
  )
  return result.failed ? `failed on ${JSON.stringify(result.counterexample)}` : null
}

const runDir = fileURLToPath(new URL('./.run/', import.meta.url))
let counter = 0

/** Import TypeScript source text as a module (written to a scratch folder the tests remove). */
export async function importSource(text: string): Promise<Record<string, unknown>> {
  mkdirSync(runDir, { recursive: true })
  const file = join(runDir, `module-${process.pid}-${counter++}.ts`)
  writeFileSync(file, text)
  return import(/* @vite-ignore */ file)
}

export async function importSpec(text: string): Promise<PropertySpec> {
  const spec = (await importSource(text)).default
  if (!isPropertySpec(spec)) throw new Error('the spec module does not default-export a defineSpec() result')
  return spec
}

export function removeScratch(): void {
  rmSync(runDir, { recursive: true, force: true })
}
