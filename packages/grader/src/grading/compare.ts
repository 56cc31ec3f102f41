import type { Tolerance } from '@gradschool/course'
import { type PlainValue, TensorValue, UnsupportedValue } from '../sandbox/values.js'
import { formatPair } from './format-value.js'

/**
 * float32 tensors carry ~7 significant digits, so summing in a different order than the
 * reference legitimately changes the last digits; tensor values are compared at least this loosely.
 */
export const FLOAT32_TOLERANCE: Required<Tolerance> = { rtol: 1e-4, atol: 1e-5 }

/**
 * Deep comparison of a submission's result with the reference's: numbers within the tolerance
 * (NaN equals NaN), arrays and objects structurally, tensors by shape then values. Returns null
 * when they match, else where and how they differ.
 */
export function compareResults(
  actual: PlainValue,
  expected: PlainValue,
  tolerance: Required<Tolerance>,
): string | null {
  return compareAt('', actual, expected, tolerance)
}

function compareAt(
  path: string,
  actual: PlainValue,
  expected: PlainValue,
  tol: Required<Tolerance>,
): string | null {
  const where = path === '' ? '' : `at ${path}: `
  if (actual instanceof UnsupportedValue) return `${where}got ${actual.what}, which is not plain data`
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${where}expected a number, got ${describeType(actual)}`
    return close(actual, expected, tol) ? null : differ(where, actual, expected)
  }
  if (expected instanceof TensorValue) {
    if (!(actual instanceof TensorValue)) return `${where}expected a tensor, got ${describeType(actual)}`
    if (!sameShape(actual.shape, expected.shape)) {
      return `${where}expected a tensor of shape [${expected.shape.join(', ')}], got shape [${actual.shape.join(', ')}]`
    }
    const loose = expected.dtype === 'float32' || actual.dtype === 'float32'
    const t = loose
      ? { rtol: Math.max(tol.rtol, FLOAT32_TOLERANCE.rtol), atol: Math.max(tol.atol, FLOAT32_TOLERANCE.atol) }
      : tol
    for (let i = 0; i < expected.data.length; i++) {
      const a = actual.data[i]!
      const e = expected.data[i]!
      if (!close(a, e, t))
        return `${where}tensor element ${indexText(i, expected.shape)}: ${differ('', a, e)}`
    }
    return null
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where}expected an array, got ${describeType(actual)}`
    if (actual.length !== expected.length) {
      return `${where}expected ${expected.length} element${expected.length === 1 ? '' : 's'}, got ${actual.length}`
    }
    for (let i = 0; i < expected.length; i++) {
      const difference = compareAt(`${path}[${i}]`, actual[i], expected[i], tol)
      if (difference) return difference
    }
    return null
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return `${where}expected an object, got ${describeType(actual)}`
    for (const key of Object.keys(expected)) {
      if (!Object.hasOwn(actual, key)) return `${where}missing field \`${key}\``
      const difference = compareAt(path === '' ? key : `${path}.${key}`, actual[key], expected[key], tol)
      if (difference) return difference
    }
    for (const key of Object.keys(actual)) {
      if (!Object.hasOwn(expected, key)) return `${where}unexpected field \`${key}\``
    }
    return null
  }
  if (actual === expected) return null
  return differ(where, actual, expected)
}

function close(actual: number, expected: number, tol: Required<Tolerance>): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual)
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected
  return Math.abs(actual - expected) <= tol.atol + tol.rtol * Math.abs(expected)
}

function differ(where: string, actual: unknown, expected: unknown): string {
  const [a, e] = formatPair(actual, expected)
  return `${where}expected ${e}, got ${a}`
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i])
}

function indexText(flat: number, shape: readonly number[]): string {
  const index: number[] = []
  let rest = flat
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!
    index.unshift(rest % size)
    rest = Math.floor(rest / size)
  }
  return `[${index.join(', ')}]`
}

function isRecord(value: PlainValue): value is { readonly [key: string]: PlainValue } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof TensorValue) &&
    !(value instanceof UnsupportedValue)
  )
}

export function describeType(value: PlainValue): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined (did you forget to return?)'
  if (Array.isArray(value)) return 'an array'
  if (value instanceof TensorValue) return `a tensor of shape [${value.shape.join(', ')}]`
  if (value instanceof UnsupportedValue) return value.what
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}
