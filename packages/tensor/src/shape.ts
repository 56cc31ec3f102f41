import { fmtShape, TensorError } from './errors.js'

export type Shape = readonly number[]

export function sizeOf(shape: Shape): number {
  let n = 1
  for (let i = 0; i < shape.length; i++) n *= shape[i]!
  return n
}

export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length)
  let s = 1
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s
    s *= shape[i]!
  }
  return strides
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Turns a possibly negative dim into an index in [0, ndim), or explains why it is out of range. */
export function normalizeDim(op: string, dim: number, ndim: number): number {
  if (!Number.isInteger(dim)) throw new TensorError(op, `dim must be an integer, got ${dim}`)
  const lo = ndim === 0 ? -1 : -ndim
  const hi = ndim === 0 ? 0 : ndim - 1
  if (dim < lo || dim > hi) {
    throw new TensorError(
      op,
      `dim ${dim} is out of range for a tensor with ${ndim} dims (expected ${lo}..${hi})`,
    )
  }
  return dim < 0 ? dim + Math.max(ndim, 1) : dim
}

/** Normalised, sorted, de-duplicated dims; `undefined` means all dims. */
export function normalizeDims(
  op: string,
  dims: number | readonly number[] | undefined,
  ndim: number,
): number[] {
  if (dims === undefined) return Array.from({ length: ndim }, (_, i) => i)
  const list = typeof dims === 'number' ? [dims] : dims
  const out = new Set<number>()
  for (const d of list) {
    const nd = normalizeDim(op, d, ndim)
    if (out.has(nd)) throw new TensorError(op, `dim ${d} appears more than once`)
    out.add(nd)
  }
  // A 0-d tensor accepts dim 0 or -1 (like PyTorch) but has no dim to reduce over.
  if (ndim === 0) return []
  return [...out].sort((x, y) => x - y)
}

/** NumPy/PyTorch broadcasting: align from the right, sizes must match or be 1. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length)
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1
    const db = b[b.length - n + i] ?? 1
    if (da !== db && da !== 1 && db !== 1) {
      throw new TensorError(
        op,
        `shapes ${fmtShape(a)} and ${fmtShape(b)} cannot be broadcast together (dim ${i - n}: ${da} vs ${db})`,
      )
    }
    out[i] = da === 1 ? db : da
  }
  return out
}

/** Strides that read `shape` as if it had `target`'s shape: 0 along broadcast dims. */
export function broadcastStrides(shape: Shape, target: Shape): number[] {
  const strides = stridesOf(shape)
  const out = new Array<number>(target.length).fill(0)
  const offset = target.length - shape.length
  for (let i = 0; i < shape.length; i++) out[i + offset] = shape[i] === 1 ? 0 : strides[i]!
  return out
}

export function checkShape(op: string, shape: readonly number[]): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new TensorError(op, `invalid shape ${fmtShape(shape)}: sizes must be non-negative integers`)
  }
  return [...shape]
}
