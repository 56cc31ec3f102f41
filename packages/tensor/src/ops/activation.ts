import { track } from '../autograd.js'
import { kernels } from '../backend/backend.js'
import { allocate, floatingOf } from '../dtype.js'
import { normalizeDim, sizeOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { unaryOp } from './elementwise.js'

export const relu = (x: Tensor): Tensor => unaryOp('relu', 'relu', x, 0, true)
export const leakyRelu = (x: Tensor, negativeSlope = 0.01): Tensor =>
  unaryOp('leakyRelu', 'leakyRelu', x, negativeSlope)
export const sigmoid = (x: Tensor): Tensor => unaryOp('sigmoid', 'sigmoid', x)
export const tanh = (x: Tensor): Tensor => unaryOp('tanh', 'tanh', x)

/** GELU: x·Φ(x) exactly (default), or the tanh approximation when `approximate` is 'tanh'. */
export function gelu(x: Tensor, approximate: 'none' | 'tanh' = 'none'): Tensor {
  return unaryOp('gelu', approximate === 'tanh' ? 'geluTanh' : 'gelu', x)
}

/** log(1 + e^(βx)) / β, linear above the threshold βx > 20 for stability. */
export const softplus = (x: Tensor, beta = 1): Tensor => unaryOp('softplus', 'softplus', x, beta)

export function softmax(x: Tensor, dim = -1): Tensor {
  return softmaxOp(x, dim, false)
}

export function logSoftmax(x: Tensor, dim = -1): Tensor {
  return softmaxOp(x, dim, true)
}

function softmaxOp(x: Tensor, dim: number, log: boolean): Tensor {
  const name = log ? 'logSoftmax' : 'softmax'
  const d = normalizeDim(name, dim, x.ndim)
  const outer = sizeOf(x.shape.slice(0, d))
  const size = x.shape[d] ?? 1
  const inner = sizeOf(x.shape.slice(d + 1))
  const dtype = floatingOf(x.dtype)
  const out = allocate(dtype, x.numel())
  const input = x.dtype === dtype ? x.data : x.to(dtype).data
  kernels().softmax(input, out, outer, size, inner, log)
  return track(new Tensor(out, x.shape.slice(), dtype), name, [x], (g) => {
    const gx = allocate(dtype, out.length)
    kernels().softmaxGrad(out, g.data, gx, outer, size, inner, log)
    return [new Tensor(gx, x.shape.slice(), dtype)]
  })
}
