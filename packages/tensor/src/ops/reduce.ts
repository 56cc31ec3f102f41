import { track } from '../autograd.js'
import { kernels, type ReduceOp } from '../backend/backend.js'
import { allocate } from '../dtype.js'
import { fmtShape, TensorError } from '../errors.js'
import { normalizeDim, normalizeDims, sameShape, sizeOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { div, eq, exp, log, mul, sqrt, sub } from './elementwise.js'
import { expand } from './movement.js'

export type Dims = number | readonly number[]

/** Reduces `x` over sorted dims with keepDim=true semantics (the raw kernel, no autograd). */
function reduceRaw(op: ReduceOp, x: Tensor, dims: readonly number[]): Tensor {
  let data = x.data
  const shape = x.shape.slice()
  // Reduce one maximal run of adjacent dims at a time, viewing the tensor as [outer, size, inner].
  let i = dims.length - 1
  while (i >= 0) {
    let j = i
    while (j > 0 && dims[j - 1] === dims[j]! - 1) j--
    const first = dims[j]!
    const lastDim = dims[i]!
    const outer = sizeOf(shape.slice(0, first))
    const size = sizeOf(shape.slice(first, lastDim + 1))
    const inner = sizeOf(shape.slice(lastDim + 1))
    if (size === 0 && op !== 'sum') {
      throw new TensorError(
        op,
        `cannot reduce over an empty dim of a tensor with shape [${x.shape.join(',')}]`,
      )
    }
    const out = allocate(x.dtype, outer * inner)
    kernels().reduce(op, data, out, outer, size, inner)
    data = out
    for (let d = first; d <= lastDim; d++) shape[d] = 1
    i = j - 1
  }
  if (dims.length === 0) data = data.slice()
  return new Tensor(data, shape, x.dtype)
}

function keptShape(shape: readonly number[], dims: readonly number[]): number[] {
  return shape.map((d, i) => (dims.includes(i) ? 1 : d))
}

function dropShape(shape: readonly number[], dims: readonly number[]): number[] {
  return shape.filter((_, i) => !dims.includes(i))
}

/** Sums a broadcast gradient back down to `shape` (the adjoint of broadcasting, and of expand). */
export function sumTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g
  const lead = g.ndim - shape.length
  if (lead < 0 || shape.some((d, i) => d !== 1 && d !== g.shape[i + lead])) {
    throw new TensorError('sumTo', `shape ${fmtShape(shape)} cannot be broadcast to ${fmtShape(g.shape)}`)
  }
  const dims: number[] = []
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) dims.push(i)
  }
  const reduced = reduceRaw('sum', g, dims)
  const out = new Tensor(reduced.data, shape.slice(), g.dtype)
  return track(out, 'sumTo', [g], (grad) => [expand(grad, g.shape)])
}

export function sum(x: Tensor, dim?: Dims, keepDim = false): Tensor {
  const dims = normalizeDims('sum', dim, x.ndim)
  const kept = reduceRaw('sum', x, dims)
  const out = new Tensor(kept.data, keepDim ? kept.shape : dropShape(x.shape, dims), x.dtype)
  return track(out, 'sum', [x], (g) => [expand(g.reshape(kept.shape), x.shape)])
}

export function mean(x: Tensor, dim?: Dims, keepDim = false): Tensor {
  const dims = normalizeDims('mean', dim, x.ndim)
  let count = 1
  for (const d of dims) count *= x.shape[d]!
  const total = sum(x.dtype === 'int32' ? x.to('float32') : x, dims, keepDim)
  return div(total, count)
}

/** Max over all elements or along dims (values only; see argmax for indices). */
export function max(x: Tensor, dim?: Dims, keepDim = false): Tensor {
  return extreme('max', x, dim, keepDim)
}

export function min(x: Tensor, dim?: Dims, keepDim = false): Tensor {
  return extreme('min', x, dim, keepDim)
}

function extreme(op: 'max' | 'min', x: Tensor, dim: Dims | undefined, keepDim: boolean): Tensor {
  const dims = normalizeDims(op, dim, x.ndim)
  if (x.numel() === 0) throw new TensorError(op, 'cannot reduce an empty tensor')
  const kept = reduceRaw(op, x, dims)
  const out = new Tensor(kept.data, keepDim ? kept.shape : dropShape(x.shape, dims), x.dtype)
  return track(out, op, [x], (g) => {
    // Ties share the gradient equally.
    const mask = eq(x, kept)
    const count = reduceRaw('sum', mask, dims)
    return [mul(mask, div(g.reshape(kept.shape), count))]
  })
}

export function argmax(x: Tensor, dim?: number, keepDim = false): Tensor {
  return argExtreme('argmax', x, dim, keepDim)
}

export function argmin(x: Tensor, dim?: number, keepDim = false): Tensor {
  return argExtreme('argmin', x, dim, keepDim)
}

function argExtreme(op: 'argmax' | 'argmin', x: Tensor, dim: number | undefined, keepDim: boolean): Tensor {
  if (x.numel() === 0) throw new TensorError(op, 'cannot reduce an empty tensor')
  if (dim === undefined) {
    const out = new Int32Array(1)
    kernels().argReduce(op, x.data, out, 1, x.numel(), 1)
    return new Tensor(out, keepDim ? x.shape.map(() => 1) : [], 'int32')
  }
  const d = normalizeDim(op, dim, x.ndim)
  const outer = sizeOf(x.shape.slice(0, d))
  const size = x.shape[d] ?? 1
  const inner = sizeOf(x.shape.slice(d + 1))
  const out = new Int32Array(outer * inner)
  kernels().argReduce(op, x.data, out, outer, size, inner)
  return new Tensor(out, keepDim ? keptShape(x.shape, [d]) : dropShape(x.shape, [d]), 'int32')
}

/** Variance with Bessel's correction by default (`unbiased`), like torch.var. */
export function variance(x: Tensor, dim?: Dims, keepDim = false, unbiased = true): Tensor {
  const dims = normalizeDims('var', dim, x.ndim)
  let count = 1
  for (const d of dims) count *= x.shape[d]!
  const xf = x.dtype === 'int32' ? x.to('float32') : x
  const centered = sub(xf, mean(xf, dims, true))
  return div(sum(mul(centered, centered), dims, keepDim), Math.max(unbiased ? count - 1 : count, 0))
}

export function std(x: Tensor, dim?: Dims, keepDim = false, unbiased = true): Tensor {
  return sqrt(variance(x, dim, keepDim, unbiased))
}

/** log Σ exp(x), stable: the max is subtracted first (and treated as a constant). */
export function logsumexp(x: Tensor, dim?: Dims, keepDim = false): Tensor {
  const dims = normalizeDims('logsumexp', dim, x.ndim)
  const xf = x.dtype === 'int32' ? x.to('float32') : x
  const m = reduceRaw('max', xf, dims)
  const md = m.data
  for (let i = 0; i < md.length; i++) if (!Number.isFinite(md[i]!)) md[i] = 0
  const shifted = sum(exp(sub(xf, m)), dims, true)
  const out = log(shifted).add(m)
  return keepDim ? out : out.reshape(dropShape(x.shape, dims))
}
