/** Prints values the way a learner expects from console.log: tensors as tensors, data as data. */
const MAX_DEPTH = 3

function formatNested(value: unknown, depth: number, seen: Set<object>): string {
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`
  if (typeof value === 'symbol') return value.toString()
  if (value instanceof Error) return `${value.name}: ${value.message}`
  const object = value as object
  if (seen.has(object)) return '[Circular]'
  if (
    value.constructor?.name === 'Tensor' &&
    typeof (value as { toString?: unknown }).toString === 'function'
  )
    return String(value)
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]'
  seen.add(object)
  try {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const items = Array.from(value as unknown as ArrayLike<number>)
      return `${value.constructor.name}(${items.length}) [ ${items.join(', ')} ]`
    }
    if (Array.isArray(value)) return `[ ${value.map((v) => formatNested(v, depth + 1, seen)).join(', ')} ]`
    if (value instanceof Map)
      return `Map(${value.size}) { ${Array.from(value, ([k, v]) => `${formatNested(k, depth + 1, seen)} => ${formatNested(v, depth + 1, seen)}`).join(', ')} }`
    if (value instanceof Set)
      return `Set(${value.size}) { ${Array.from(value, (v) => formatNested(v, depth + 1, seen)).join(', ')} }`
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${formatNested(v, depth + 1, seen)}`)
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
  } finally {
    seen.delete(object)
  }
}

export function formatValue(value: unknown): string {
  return formatNested(value, 0, new Set())
}

export function formatArgs(args: readonly unknown[]): string {
  return args.map((arg) => formatValue(arg)).join(' ')
}
