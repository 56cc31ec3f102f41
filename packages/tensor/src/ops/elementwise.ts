import { track } from '../autograd.js'
import { type BinaryOp, kernels, type UnaryOp } from '../backend/backend.js'
import { allocate, type DType, floatingOf, promote } from '../dtype.js'
import { broadcastShapes, broadcastStrides, sameShape, stridesOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { asTensor, operands, type TensorLike } from './operand.js'
import { sumTo } from './reduce.js'

/** Runs a broadcasting binary kernel and returns the raw result (no autograd). */
export function binaryRaw(name: string, op: BinaryOp, x: Tensor, y: Tensor, dtype: DType): Tensor {
  const shape = sameShape(x.shape, y.shape) ? x.shape.slice() : broadcastShapes(name, x.shape, y.shape)
  const out = allocate(dtype, sizeOfShape(shape))
  const plain = x.data.length === out.length && y.data.length === out.length
  kernels().binary(
    op,
    x.data,
    plain ? stridesOf(shape) : broadcastStrides(x.shape, shape),
    y.data,
    plain ? stridesOf(shape) : broadcastStrides(y.shape, shape),
    out,
    shape,
  )
  return new Tensor(out, shape, dtype)
}

function sizeOfShape(shape: readonly number[]): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}

export function add(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  const out = binaryRaw('add', 'add', x, y, promote(x.dtype, y.dtype))
  return track(out, 'add', [x, y], (g) => [
    x.requiresGrad ? sumTo(g, x.shape) : null,
    y.requiresGrad ? sumTo(g, y.shape) : null,
  ])
}

export function sub(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  const out = binaryRaw('sub', 'sub', x, y, promote(x.dtype, y.dtype))
  return track(out, 'sub', [x, y], (g) => [
    x.requiresGrad ? sumTo(g, x.shape) : null,
    y.requiresGrad ? sumTo(neg(g), y.shape) : null,
  ])
}

export function mul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  const out = binaryRaw('mul', 'mul', x, y, promote(x.dtype, y.dtype))
  return track(out, 'mul', [x, y], (g) => [
    x.requiresGrad ? sumTo(mul(g, y), x.shape) : null,
    y.requiresGrad ? sumTo(mul(g, x), y.shape) : null,
  ])
}

export function div(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  const out = binaryRaw('div', 'div', x, y, floatingOf(promote(x.dtype, y.dtype)))
  return track(out, 'div', [x, y], (g) => [
    x.requiresGrad ? sumTo(div(g, y), x.shape) : null,
    y.requiresGrad ? sumTo(neg(div(mul(g, out), y)), y.shape) : null,
  ])
}

/** x ** exponent; a number exponent uses a fused kernel, a tensor exponent is differentiable too. */
export function pow(a: TensorLike, exponent: TensorLike): Tensor {
  if (typeof exponent === 'number' && a instanceof Tensor) return unaryOp('pow', 'powScalar', a, exponent)
  const [x, y] = operands(a, exponent)
  const out = binaryRaw('pow', 'pow', x, y, floatingOf(promote(x.dtype, y.dtype)))
  return track(out, 'pow', [x, y], (g) => [
    x.requiresGrad ? sumTo(mul(g, mul(y, pow(x, sub(y, 1)))), x.shape) : null,
    y.requiresGrad ? sumTo(mul(g, mul(out, log(x))), y.shape) : null,
  ])
}

/** Elementwise larger value; on ties the gradient is shared equally, as in PyTorch. */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return extremum('maximum', a, b)
}

export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return extremum('minimum', a, b)
}

function extremum(op: 'maximum' | 'minimum', a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  const out = binaryRaw(op, op, x, y, promote(x.dtype, y.dtype))
  return track(out, op, [x, y], (g) => {
    const wins = op === 'maximum' ? gt(x, y) : lt(x, y)
    const ties = mul(eq(x, y), 0.5)
    const xShare = add(wins, ties)
    return [
      x.requiresGrad ? sumTo(mul(g, xShare), x.shape) : null,
      y.requiresGrad ? sumTo(mul(g, sub(1, xShare)), y.shape) : null,
    ]
  })
}

function compare(op: BinaryOp, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  return binaryRaw(op, op, x, y, 'float32')
}

/** Comparisons return float32 masks of 0s and 1s (handy for counting and masking). */
export const eq = (a: TensorLike, b: TensorLike): Tensor => compare('eq', a, b)
export const ne = (a: TensorLike, b: TensorLike): Tensor => compare('ne', a, b)
export const gt = (a: TensorLike, b: TensorLike): Tensor => compare('gt', a, b)
export const ge = (a: TensorLike, b: TensorLike): Tensor => compare('ge', a, b)
export const lt = (a: TensorLike, b: TensorLike): Tensor => compare('lt', a, b)
export const le = (a: TensorLike, b: TensorLike): Tensor => compare('le', a, b)

/** A unary op with a fused backward kernel: forward output and input are kept for it. */
export function unaryOp(name: string, op: UnaryOp, x: Tensor, alpha = 0, keepIntegers = false): Tensor {
  const dtype = keepIntegers ? x.dtype : floatingOf(x.dtype)
  const out = allocate(dtype, x.data.length)
  kernels().unary(op, x.data, out, alpha)
  const result = new Tensor(out, x.shape.slice(), dtype)
  // Only floating tensors require grad, so the gradient has x's own dtype.
  return track(result, name, [x], (g) => {
    const gx = allocate(x.dtype, g.data.length)
    kernels().unaryGrad(op, x.data, out, g.data, gx, alpha)
    return [new Tensor(gx, x.shape.slice(), x.dtype)]
  })
}

export const neg = (x: Tensor): Tensor => unaryOp('neg', 'neg', x, 0, true)
export const exp = (x: Tensor): Tensor => unaryOp('exp', 'exp', x)
export const log = (x: Tensor): Tensor => unaryOp('log', 'log', x)
export const sqrt = (x: Tensor): Tensor => unaryOp('sqrt', 'sqrt', x)
export const abs = (x: Tensor): Tensor => unaryOp('abs', 'abs', x, 0, true)
export const sign = (x: Tensor): Tensor => unaryOp('sign', 'sign', x, 0, true)
export const sin = (x: Tensor): Tensor => unaryOp('sin', 'sin', x)
export const cos = (x: Tensor): Tensor => unaryOp('cos', 'cos', x)
export const square = (x: Tensor): Tensor => unaryOp('square', 'square', x, 0, true)
export const reciprocal = (x: Tensor): Tensor => unaryOp('reciprocal', 'reciprocal', x)

/** Limits values to [min, max]; the gradient flows only where the input was inside the range. */
export function clamp(x: Tensor, min?: number | null, max?: number | null): Tensor {
  const lo = min ?? -Infinity
  const hi = max ?? Infinity
  const out = allocate(x.dtype, x.data.length)
  const src = x.data
  // min(max(v, lo), hi) as in PyTorch: when lo > hi every value becomes hi. NaN stays NaN.
  for (let i = 0; i < src.length; i++) {
    out[i] = Math.min(Math.max(src[i]!, lo), hi)
  }
  const result = new Tensor(out, x.shape.slice(), x.dtype)
  return track(result, 'clamp', [x], (g) => {
    const gx = allocate(x.dtype, g.data.length)
    for (let i = 0; i < src.length; i++) {
      const v = src[i]!
      gx[i] = v >= lo && v <= hi ? g.data[i]! : 0
    }
    return [new Tensor(gx, x.shape.slice(), x.dtype)]
  })
}

/** Picks `a` where `condition` is non-zero and `b` elsewhere, broadcasting all three. */
export function where(condition: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = operands(a, b)
  const shape = broadcastShapes('where', broadcastShapes('where', condition.shape, x.shape), y.shape)
  const dtype = promote(x.dtype, y.dtype)
  const c = expandData(condition, shape)
  const xs = expandData(x, shape)
  const ys = expandData(y, shape)
  const out = allocate(dtype, c.length)
  for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? xs[i]! : ys[i]!
  const result = new Tensor(out, shape, dtype)
  return track(result, 'where', [x, y], (g) => {
    const gx = allocate(g.dtype, g.data.length)
    const gy = allocate(g.dtype, g.data.length)
    for (let i = 0; i < gx.length; i++) {
      if (c[i] !== 0) gx[i] = g.data[i]!
      else gy[i] = g.data[i]!
    }
    return [
      x.requiresGrad ? sumTo(new Tensor(gx, shape, g.dtype), x.shape) : null,
      y.requiresGrad ? sumTo(new Tensor(gy, shape, g.dtype), y.shape) : null,
    ]
  })
}

/** The data of `t` broadcast to `shape`, materialised (shares storage when no copy is needed). */
export function expandData(t: Tensor, shape: readonly number[]): Tensor['data'] {
  if (sameShape(t.shape, shape)) return t.data
  const out = allocate(t.dtype, sizeOfShape(shape))
  kernels().gather(t.data, 0, broadcastStrides(t.shape, shape), out, shape)
  return out
}

export { asTensor }
