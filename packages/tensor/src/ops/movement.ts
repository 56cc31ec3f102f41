import { track } from '../autograd.js'
import { kernels } from '../backend/backend.js'
import { allocate } from '../dtype.js'
import { fmtShape, TensorError } from '../errors.js'
import { broadcastStrides, normalizeDim, sameShape, sizeOf, stridesOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { sumTo } from './reduce.js'

/** New shape over the same storage (tensors are always contiguous, so this never copies). */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape('reshape', x, shape)
  if (sameShape(target, x.shape)) return x
  const out = new Tensor(x.data, target, x.dtype)
  return track(out, 'reshape', [x], (g) => [reshape(g, x.shape)])
}

function inferShape(op: string, x: Tensor, shape: readonly number[]): number[] {
  let unknown = -1
  let known = 1
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!
    if (d === -1) {
      if (unknown >= 0) throw new TensorError(op, `only one dimension can be -1, got ${fmtShape(shape)}`)
      unknown = i
    } else if (!Number.isInteger(d) || d < 0) {
      throw new TensorError(op, `invalid size ${d} in shape ${fmtShape(shape)}`)
    } else known *= d
  }
  const out = shape.slice()
  const n = x.numel()
  if (unknown >= 0) {
    if (known === 0 || n % known !== 0) {
      throw new TensorError(
        op,
        `shape ${fmtShape(shape)} is invalid for input of shape ${fmtShape(x.shape)} (${n} elements)`,
      )
    }
    out[unknown] = n / known
  } else if (known !== n) {
    throw new TensorError(
      op,
      `shape ${fmtShape(shape)} is invalid for input of shape ${fmtShape(x.shape)} (${n} elements)`,
    )
  }
  return out
}

export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1])
  const s = normalizeDim('flatten', startDim, x.ndim)
  const e = normalizeDim('flatten', endDim, x.ndim)
  if (s > e) throw new TensorError('flatten', `startDim ${startDim} comes after endDim ${endDim}`)
  const shape = [...x.shape.slice(0, s), sizeOf(x.shape.slice(s, e + 1)), ...x.shape.slice(e + 1)]
  return reshape(x, shape)
}

export function squeeze(x: Tensor, dim?: number): Tensor {
  if (dim === undefined)
    return reshape(
      x,
      x.shape.filter((d) => d !== 1),
    )
  const d = normalizeDim('squeeze', dim, x.ndim)
  if (x.shape[d] !== 1) return x
  return reshape(
    x,
    x.shape.filter((_, i) => i !== d),
  )
}

export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim('unsqueeze', dim, x.ndim + 1)
  const shape = x.shape.slice()
  shape.splice(d, 0, 1)
  return reshape(x, shape)
}

/** Reorders dims; the data is copied into the new layout so later kernels stay contiguous. */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.ndim) {
    throw new TensorError(
      'permute',
      `expected ${x.ndim} dims for shape ${fmtShape(x.shape)}, got [${dims.join(',')}]`,
    )
  }
  const order = dims.map((d) => normalizeDim('permute', d, x.ndim))
  if (new Set(order).size !== order.length)
    throw new TensorError('permute', `repeated dim in [${dims.join(',')}]`)
  if (order.every((d, i) => d === i)) return x
  const strides = stridesOf(x.shape)
  const shape = order.map((d) => x.shape[d]!)
  const out = allocate(x.dtype, x.numel())
  kernels().gather(
    x.data,
    0,
    order.map((d) => strides[d]!),
    out,
    shape,
  )
  const inverse = new Array<number>(order.length)
  order.forEach((d, i) => {
    inverse[d] = i
  })
  return track(new Tensor(out, shape, x.dtype), 'permute', [x], (g) => [permute(g, inverse)])
}

export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const a = normalizeDim('transpose', dim0, x.ndim)
  const b = normalizeDim('transpose', dim1, x.ndim)
  if (x.ndim === 0) return x
  const order = Array.from({ length: x.ndim }, (_, i) => i)
  order[a] = b
  order[b] = a
  return permute(x, order)
}

/** Broadcasts to a larger shape (-1 keeps a size); gradients are summed back. */
export function expand(x: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < x.ndim) {
    throw new TensorError(
      'expand',
      `cannot expand shape ${fmtShape(x.shape)} to fewer dims ${fmtShape(sizes)}`,
    )
  }
  const lead = sizes.length - x.ndim
  const shape = sizes.map((s, i) => {
    const own = i >= lead ? x.shape[i - lead]! : undefined
    const size = s === -1 && own !== undefined ? own : s
    if (own !== undefined && own !== 1 && own !== size) {
      throw new TensorError(
        'expand',
        `the expanded size ${size} must match the existing size ${own} at dim ${i} (shape ${fmtShape(x.shape)} to ${fmtShape(sizes)})`,
      )
    }
    if (!Number.isInteger(size) || size < 0)
      throw new TensorError('expand', `invalid size ${s} in ${fmtShape(sizes)}`)
    return size
  })
  if (sameShape(shape, x.shape)) return x
  const out = allocate(x.dtype, sizeOf(shape))
  kernels().gather(x.data, 0, broadcastStrides(x.shape, shape), out, shape)
  return track(new Tensor(out, shape, x.dtype), 'expand', [x], (g) => [sumTo(g, x.shape)])
}
