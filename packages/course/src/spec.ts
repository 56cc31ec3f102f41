/**
 * Property specs: what a challenge's `spec.ts` default-exports. The grader runs the reference and
 * the learner's entry function on the same generated arguments and compares the results.
 * This module must stay tiny and dependency-free at run time: spec files import it.
 */
import type { Arbitrary } from 'fast-check'

export interface Tolerance {
  /** Relative tolerance on numbers: |actual − expected| ≤ atol + rtol·|expected|. */
  rtol?: number
  /** Absolute tolerance on numbers. */
  atol?: number
}

export const DEFAULT_TOLERANCE: Required<Tolerance> = { rtol: 1e-6, atol: 1e-9 }
const DEFAULT_NUM_RUNS = 100

export interface SpecOptions<Args extends unknown[] = unknown[]> {
  /** Generates the argument list passed to the entry function. */
  args: Arbitrary<Args>
  /** Argument lists always tried first, before generated ones (pick ones that catch typical mistakes). */
  examples?: Args[]
  numRuns?: number
  tolerance?: Tolerance
  /** Custom verdict: return null when `actual` is acceptable, else a message for the learner. */
  check?: (args: Args, actual: unknown, expected: unknown) => string | null
}

export interface PropertySpec<Args extends unknown[] = unknown[]> {
  readonly kind: 'property-spec'
  args: Arbitrary<Args>
  examples: Args[]
  numRuns: number
  tolerance: Required<Tolerance>
  check?: (args: Args, actual: unknown, expected: unknown) => string | null
}

export function defineSpec<Args extends unknown[]>(options: SpecOptions<Args>): PropertySpec<Args> {
  const numRuns = options.numRuns ?? DEFAULT_NUM_RUNS
  if (!Number.isInteger(numRuns) || numRuns < 1) {
    throw new Error(`defineSpec: numRuns must be a positive integer, got ${numRuns}`)
  }
  const tolerance = { ...DEFAULT_TOLERANCE, ...options.tolerance }
  for (const [name, value] of Object.entries(tolerance)) {
    if (!(value >= 0)) throw new Error(`defineSpec: tolerance.${name} must be a number ≥ 0, got ${value}`)
  }
  const examples = options.examples ?? []
  examples.forEach((example, index) => {
    if (!Array.isArray(example)) {
      throw new Error(
        `defineSpec: examples[${index}] must be an argument list (an array), got ${typeof example}`,
      )
    }
  })
  const spec: PropertySpec<Args> = { kind: 'property-spec', args: options.args, examples, numRuns, tolerance }
  if (options.check) spec.check = options.check
  return spec
}

/** True for what `defineSpec` returns (the grader checks a spec module's default export with this). */
export function isPropertySpec(value: unknown): value is PropertySpec {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'property-spec'
}

/**
 * The default verdict: deep equality, with numbers compared within the tolerance. Returns null when
 * equal, else where and how the values differ, e.g. "at [2]: expected 0.5, got 0.73".
 */
export function compareValues(
  actual: unknown,
  expected: unknown,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): string | null {
  const { rtol, atol } = { ...DEFAULT_TOLERANCE, ...tolerance }
  return compareAt('', actual, expected, rtol, atol)
}

function compareAt(
  path: string,
  actual: unknown,
  expected: unknown,
  rtol: number,
  atol: number,
): string | null {
  const where = path === '' ? '' : `at ${path}: `
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (numbersClose(actual, expected, rtol, atol)) return null
    return `${where}expected ${show(expected)}, got ${show(actual)}`
  }
  const expectedList = asList(expected)
  const actualList = asList(actual)
  if (expectedList && actualList) {
    if (expectedList.length !== actualList.length) {
      return `${where}expected ${expectedList.length} element${expectedList.length === 1 ? '' : 's'}, got ${actualList.length}`
    }
    for (let i = 0; i < expectedList.length; i++) {
      const difference = compareAt(`${path}[${i}]`, actualList[i], expectedList[i], rtol, atol)
      if (difference) return difference
    }
    return null
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)])
    for (const key of keys) {
      if (!(key in actual)) return `${where}missing field \`${key}\``
      if (!(key in expected)) return `${where}unexpected field \`${key}\``
      const difference = compareAt(
        path === '' ? key : `${path}.${key}`,
        actual[key],
        expected[key],
        rtol,
        atol,
      )
      if (difference) return difference
    }
    return null
  }
  if (Object.is(actual, expected) || actual === expected) return null
  return `${where}expected ${show(expected)}, got ${show(actual)}`
}

function numbersClose(actual: number, expected: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual)
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected)
}

function asList(value: unknown): ArrayLike<unknown> | null {
  if (Array.isArray(value)) return value
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value as unknown as ArrayLike<unknown>
  return null
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value)
  if (value === undefined) return 'undefined'
  try {
    const text = JSON.stringify(value)
    return text.length > 80 ? `${text.slice(0, 77)}...` : text
  } catch {
    return String(value)
  }
}
