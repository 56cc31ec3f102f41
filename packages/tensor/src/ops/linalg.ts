import { track } from '../autograd.js'
import { kernels } from '../backend/backend.js'
import { allocate, promote } from '../dtype.js'
import { TensorError, fmtShape } from '../errors.js'
import { broadcastShapes, sizeOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { mul } from './elementwise.js'
import { expand, reshape, squeeze, unsqueeze } from './movement.js'
import { sum, sumTo } from './reduce.js'

/**
 * Matrix product with torch.matmul's rules: 1-D operands are promoted to matrices and the
 * added dim removed afterwards; leading (batch) dims broadcast.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new TensorError('matmul', `both arguments need at least 1 dim, got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`)
  }
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b)
  if (a.ndim === 1) return squeeze(batchedMatmul(unsqueeze(a, 0), b, a.shape, b.shape), -2)
  if (b.ndim === 1) return squeeze(batchedMatmul(a, unsqueeze(b, -1), a.shape, b.shape), -1)
  return batchedMatmul(a, b, a.shape, b.shape)
}

function batchedMatmul(a: Tensor, b: Tensor, shownA: readonly number[], shownB: readonly number[]): Tensor {
  const m = a.shape[a.ndim - 2]!
  const k = a.shape[a.ndim - 1]!
  const k2 = b.shape[b.ndim - 2]!
  const n = b.shape[b.ndim - 1]!
  if (k !== k2) {
    throw new TensorError(
      'matmul',
      `shapes ${fmtShape(shownA)} and ${fmtShape(shownB)} cannot be multiplied (${k} != ${k2})`,
    )
  }
  const batch = broadcastShapes('matmul', a.shape.slice(0, -2), b.shape.slice(0, -2))
  const x = a.ndim === 2 && batch.length === 0 ? a : expand(a, [...batch, m, k])
  const y = b.ndim === 2 && batch.length === 0 ? b : expand(b, [...batch, k, n])
  const out = product(x, y, false, false)
  return track(out, 'matmul', [a, b], (g) => [
    a.requiresGrad ? sumTo(product(g, y, false, true), a.shape) : null,
    b.requiresGrad ? sumTo(product(x, g, true, false), b.shape) : null,
  ])
}

/**
 * Raw batched product of same-batch operands: op(x)·op(y) where op transposes the last two
 * dims when asked. No autograd.
 */
function product(x: Tensor, y: Tensor, transX: boolean, transY: boolean): Tensor {
  const xr = x.shape[x.ndim - 2]!
  const xc = x.shape[x.ndim - 1]!
  const yr = y.shape[y.ndim - 2]!
  const yc = y.shape[y.ndim - 1]!
  const m = transX ? xc : xr
  const k = transX ? xr : xc
  const n = transY ? yr : yc
  const batchShape = x.shape.slice(0, -2)
  const batches = sizeOf(batchShape)
  const dtype = promote(x.dtype, y.dtype)
  const xd = x.dtype === dtype ? x.data : x.to(dtype).data
  const yd = y.dtype === dtype ? y.data : y.to(dtype).data
  const out = allocate(dtype, batches * m * n)
  const backend = kernels()
  if (batches === 1) backend.matmul(xd, yd, out, m, k, n, transX, transY)
  else {
    const xs = xr * xc
    const ys = yr * yc
    for (let i = 0; i < batches; i++) {
      backend.matmul(
        xd.subarray(i * xs, (i + 1) * xs),
        yd.subarray(i * ys, (i + 1) * ys),
        out.subarray(i * m * n, (i + 1) * m * n),
        m,
        k,
        n,
        transX,
        transY,
      )
    }
  }
  return new Tensor(out, [...batchShape, m, n], dtype)
}

/** Inner product of two 1-D tensors of the same length. */
export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1 || a.shape[0] !== b.shape[0]) {
    throw new TensorError('dot', `expected two 1-D tensors of the same length, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`)
  }
  return sum(mul(a, b))
}

/** Outer product: out[i][j] = a[i]·b[j]. */
export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new TensorError('outer', `expected two 1-D tensors, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`)
  }
  return mul(reshape(a, [-1, 1]), reshape(b, [1, -1]))
}
