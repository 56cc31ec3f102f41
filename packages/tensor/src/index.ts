/**
 * @gradschool/tensor — n-dimensional tensors with reverse-mode autograd.
 *
 * Every op is defined once in `ops/`, its backward beside its forward; kernels run behind
 * the `Backend` interface in `backend/`.
 */
import { registerBackend } from './backend/backend.js'
import { jsBackend } from './backend/js.js'

registerBackend(jsBackend)

export { Tensor, type NestedNumbers } from './tensor.js'
export type { DType, TypedArray } from './dtype.js'
export { TensorError } from './errors.js'
export { noGrad, setGradEnabled, isGradEnabled, type BackwardOptions } from './autograd.js'
export { manualSeed } from './random.js'
export { gradcheck, type GradcheckOptions } from './gradcheck.js'
export { registerBackend, setBackend, getBackend, type Backend, type ConvGeometry } from './backend/backend.js'
export { jsBackend } from './backend/js.js'
export type { TensorLike } from './ops/operand.js'

export {
  tensor,
  zeros,
  ones,
  full,
  arange,
  linspace,
  eye,
  rand,
  randn,
  randint,
  zerosLike,
  onesLike,
  fullLike,
  randLike,
  randnLike,
  type TensorOptions,
  type NestedArray,
} from './ops/creation.js'
export {
  add,
  sub,
  mul,
  div,
  pow,
  neg,
  exp,
  log,
  sqrt,
  abs,
  sign,
  sin,
  cos,
  square,
  reciprocal,
  clamp,
  maximum,
  minimum,
  where,
  eq,
  ne,
  gt,
  ge,
  lt,
  le,
} from './ops/elementwise.js'
export { relu, leakyRelu, sigmoid, tanh, gelu, softplus, softmax, logSoftmax } from './ops/activation.js'
export { sum, mean, max, min, argmax, argmin, variance as var, std, logsumexp, sumTo, type Dims } from './ops/reduce.js'
export { reshape, flatten, squeeze, unsqueeze, transpose, permute, expand } from './ops/movement.js'
export { slice, narrow, select, indexSelect, gather, cat, stack, split, oneHot } from './ops/indexing.js'
export { matmul, dot, outer } from './ops/linalg.js'
export { conv2d, maxPool2d, avgPool2d, type Conv2dOptions, type Pool2dOptions, type Pair } from './ops/conv.js'
