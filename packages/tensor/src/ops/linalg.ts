import { track } from '../autograd.js'
import { kernels } from '../backend/backend.js'
import { allocate, promote } from '../dtype.js'
import { fmtShape, TensorError } from '../errors.js'
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
    throw new TensorError(
      'matmul',
      `both arguments need at least 1 dim, got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`,
    )
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
    throw new TensorError(
      'dot',
      `expected two 1-D tensors of the same length, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`,
    )
  }
  return sum(mul(a, b))
}

/** Outer product: out[i][j] = a[i]·b[j]. */
export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new TensorError(
      'outer',
      `expected two 1-D tensors, got ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`,
    )
  }
  return mul(reshape(a, [-1, 1]), reshape(b, [1, -1]))
}

/**
 * The affine map of a fully connected layer, y = x·wᵀ + b, for x of shape [..., in] and w of
 * shape [out, in]. Same result as `x.matmul(w.t()).add(b)`, but w is read transposed in
 * place (no copy) and the bias is added in the same pass — this is the hot path of MLPs.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  if (weight.ndim !== 2)
    throw new TensorError('linear', `weight must be 2-D [out, in], got ${fmtShape(weight.shape)}`)
  const [outFeatures, inFeatures] = weight.shape as [number, number]
  if (x.ndim === 0 || x.shape[x.ndim - 1] !== inFeatures) {
    throw new TensorError(
      'linear',
      `input ${fmtShape(x.shape)} does not end in ${inFeatures} features expected by weight ${fmtShape(weight.shape)}`,
    )
  }
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outFeatures)) {
    throw new TensorError('linear', `bias must have shape [${outFeatures}], got ${fmtShape(bias.shape)}`)
  }
  const rows = x.numel() / inFeatures
  const x2 = new Tensor(x.data, [rows, inFeatures], x.dtype)
  const out = product(x2, weight, false, true)
  if (bias) {
    const o = out.data
    const b = bias.data
    for (let r = 0; r < rows; r++) {
      const base = r * outFeatures
      for (let j = 0; j < outFeatures; j++) o[base + j]! += b[j]!
    }
  }
  const result = new Tensor(out.data, [...x.shape.slice(0, -1), outFeatures], out.dtype)
  const inputs = bias ? [x, weight, bias] : [x, weight]
  return track(result, 'linear', inputs, (g) => {
    const g2 = new Tensor(g.data, [rows, outFeatures], g.dtype)
    const grads: (Tensor | null)[] = [
      x.requiresGrad ? new Tensor(product(g2, weight, false, false).data, x.shape.slice(), g.dtype) : null,
      weight.requiresGrad ? product(g2, x2, true, false) : null,
    ]
    if (bias) grads.push(bias.requiresGrad ? sumTo(g2, [outFeatures]) : null)
    return grads
  })
}
