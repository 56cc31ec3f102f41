import { TensorValue, UnsupportedValue } from '../sandbox/values.js'

const MAX_ITEMS = 12

/** Shortest text that round-trips, or `significant` digits when given (for readable messages). */
export function formatNumber(n: number, significant?: number): string {
  if (Object.is(n, -0)) return '-0'
  if (!Number.isFinite(n) || Number.isInteger(n) || significant === undefined) return String(n)
  return String(Number(n.toPrecision(significant)))
}

/** A value as a learner reads it in a message: `[0.5, 1]`, `{ a: 1 }`, `tensor([[1, 2]])`. */
export function formatValue(value: unknown, significant?: number, depth = 0): string {
  if (typeof value === 'number') return formatNumber(value, significant)
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === undefined || value === null || typeof value === 'boolean') return String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'function') return 'a function'
  if (value instanceof UnsupportedValue) return value.what
  if (depth > 6) return '…'
  if (value instanceof TensorValue) return formatTensor(value.shape, value.data, significant)
  if (isHostTensor(value)) return formatTensor(Array.from(value.shape), Array.from(value.data), significant)
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>)
    const shown = items.slice(0, MAX_ITEMS).map((item) => formatValue(item, significant, depth + 1))
    if (items.length > MAX_ITEMS) shown.push(`… ${items.length - MAX_ITEMS} more`)
    return `[${shown.join(', ')}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    return `{ ${entries.map(([key, item]) => `${key}: ${formatValue(item, significant, depth + 1)}`).join(', ')} }`
  }
  return String(value)
}

function isHostTensor(value: unknown): value is { shape: number[]; data: ArrayLike<number> } {
  const candidate = value as { shape?: unknown; data?: unknown } | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    Array.isArray(candidate.shape) &&
    ArrayBuffer.isView(candidate.data)
  )
}

function formatTensor(shape: readonly number[], data: readonly number[], significant?: number): string {
  const total = data.length
  if (total > MAX_ITEMS * 4) {
    const head = data.slice(0, 6).map((x) => formatNumber(x, significant ?? 4))
    return `tensor(shape [${shape.join(', ')}], data [${head.join(', ')}, … ${total - 6} more])`
  }
  let offset = 0
  const nest = (dim: number): string => {
    if (dim === shape.length) return formatNumber(data[offset++] ?? Number.NaN, significant)
    const parts: string[] = []
    for (let i = 0; i < (shape[dim] ?? 0); i++) parts.push(nest(dim + 1))
    return `[${parts.join(', ')}]`
  }
  return `tensor(${nest(0)})`
}

/**
 * Formats `actual` and `expected` at the fewest significant digits (from 4) that still shows
 * them as different, so `0.2689` is printed rather than `0.2689414213699951` unless it matters.
 */
export function formatPair(actual: unknown, expected: unknown): [string, string] {
  for (let digits = 4; digits <= 17; digits++) {
    const a = formatValue(actual, digits)
    const e = formatValue(expected, digits)
    if (a !== e) return [a, e]
  }
  return [formatValue(actual), formatValue(expected)]
}

/** `neuron([0], [0], -1)`: the call that produced a counterexample, with exact arguments. */
export function formatCall(entry: string, args: readonly unknown[]): string {
  return `${entry}(${args.map((arg) => formatValue(arg)).join(', ')})`
}
