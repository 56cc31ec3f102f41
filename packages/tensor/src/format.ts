import type { Tensor } from './tensor.js'

const SUMMARIZE_ABOVE = 1000
const EDGE_ITEMS = 3

/** Prints like PyTorch: `tensor([[0.1000, 0.2000]], requiresGrad=true)`. */
export function formatTensor(t: Tensor): string {
  const summarize = t.numel() > SUMMARIZE_ABOVE
  // Like PyTorch, the style and the column width come from the values actually shown, and
  // only finite ones set the width (`nan`/`inf` do not widen the columns of the others).
  const values = visibleValues(t, summarize)
  const formatter = chooseFormatter(values, t.dtype === 'int32')
  const prefix = 'tensor('
  let body: string
  if (t.numel() === 0) body = '[]'
  else if (t.ndim === 0) body = formatter.format(values[0]!)
  else {
    const width = Math.max(0, ...values.filter(Number.isFinite).map((v) => formatter.format(v).length))
    body = formatNested(t.data, t.shape, 0, 0, width, formatter, prefix.length, summarize)
  }
  const suffixes: string[] = []
  if (t.numel() === 0 && t.ndim !== 1) suffixes.push(`size=(${t.shape.join(', ')})`)
  if (t.dtype === 'float64') suffixes.push('dtype=float64')
  if (t.gradNode !== null) suffixes.push(`gradFn=<${capitalize(t.gradNode.name)}Backward>`)
  else if (t.requiresGrad) suffixes.push('requiresGrad=true')
  return `${prefix}${body}${suffixes.map((s) => `, ${s}`).join('')})`
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

interface Formatter {
  format(v: number): string
}

function chooseFormatter(values: readonly number[], integer: boolean): Formatter {
  if (integer) return { format: (v) => String(v) }
  const finite = values.filter((v) => Number.isFinite(v))
  const special = (v: number) => (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf')
  if (finite.length === 0) return { format: special }
  const abs = finite.map(Math.abs).filter((v) => v > 0)
  const maxAbs = abs.length ? Math.max(...abs) : 0
  const minAbs = abs.length ? Math.min(...abs) : 0
  const allIntegral = finite.every((v) => Number.isInteger(v))
  if (allIntegral && maxAbs <= 1e8) {
    return { format: (v) => (Number.isFinite(v) ? `${v.toFixed(0)}.` : special(v)) }
  }
  if (allIntegral || maxAbs > 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000) {
    return { format: (v) => (Number.isFinite(v) ? scientific(v) : special(v)) }
  }
  return { format: (v) => (Number.isFinite(v) ? fixed(v) : special(v)) }
}

function fixed(v: number): string {
  const s = v.toFixed(4)
  return s === '-0.0000' ? '0.0000' : s
}

function scientific(v: number): string {
  const [mantissa, exponent] = v.toExponential(4).split('e') as [string, string]
  const sign = exponent.startsWith('-') ? '-' : '+'
  const digits = exponent.replace(/^[+-]/, '').padStart(2, '0')
  return `${mantissa}e${sign}${digits}`
}

function visibleValues(t: Tensor, summarize: boolean): number[] {
  if (!summarize) return Array.from(t.data)
  const out: number[] = []
  collectVisible(t.data, t.shape, 0, 0, out)
  return out
}

function collectVisible(
  data: ArrayLike<number>,
  shape: readonly number[],
  dim: number,
  offset: number,
  out: number[],
): void {
  const size = shape[dim]!
  const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1)
  for (const i of visibleIndices(size, true)) {
    if (dim === shape.length - 1) out.push(data[offset + i]!)
    else collectVisible(data, shape, dim + 1, offset + i * stride, out)
  }
}

function visibleIndices(size: number, summarize: boolean): number[] {
  if (!summarize || size <= 2 * EDGE_ITEMS) return Array.from({ length: size }, (_, i) => i)
  return [0, 1, 2, -1, size - 3, size - 2, size - 1]
}

function formatNested(
  data: ArrayLike<number>,
  shape: readonly number[],
  dim: number,
  offset: number,
  width: number,
  formatter: Formatter,
  indent: number,
  summarize: boolean,
): string {
  const size = shape[dim]!
  const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1)
  const indices = visibleIndices(size, summarize)
  if (dim === shape.length - 1) {
    // PyTorch marks skipped columns with ' ...' (note the extra space) and skipped rows with '...'.
    const items = indices.map((i) => (i < 0 ? ' ...' : formatter.format(data[offset + i]!).padStart(width)))
    return `[${items.join(', ')}]`
  }
  const depth = shape.length - dim - 1
  const separator = `,${'\n'.repeat(depth)}${' '.repeat(indent + dim + 1)}`
  const items = indices.map((i) =>
    i < 0
      ? '...'
      : formatNested(data, shape, dim + 1, offset + i * stride, width, formatter, indent, summarize),
  )
  return `[${items.join(separator)}]`
}
