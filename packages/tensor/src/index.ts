/**
 * @gradschool/tensor — n-dimensional tensors with reverse-mode autograd.
 *
 * Every op is defined once in `ops/`, its backward beside its forward; kernels run behind
 * the `Backend` interface in `backend/`.
 */
export { type BackwardOptions, isGradEnabled, noGrad, setGradEnabled } from './autograd.js'
export {
  type AdamHyper,
  type Backend,
  type ConvGeometry,
  type Cutoffs,
  getBackend,
  getNumThreads,
  ready,
  registerBackend,
  setBackend,
  setNumThreads,
  setWasmCutoffs,
} from './backend/backend.js'
export { jsBackend } from './backend/js.js'
export type { DType, TypedArray } from './dtype.js'
export { TensorError } from './errors.js'
export { type GradcheckOptions, gradcheck } from './gradcheck.js'
export { gelu, leakyRelu, logSoftmax, relu, sigmoid, softmax, softplus, tanh } from './ops/activation.js'
export {
  avgPool2d,
  type Conv2dOptions,
  conv2d,
  maxPool2d,
  type Pair,
  type Pool2dOptions,
} from './ops/conv.js'
export {
  arange,
  eye,
  full,
  fullLike,
  linspace,
  type NestedArray,
  ones,
  onesLike,
  rand,
  randint,
  randLike,
  randn,
  randnLike,
  type TensorOptions,
  tensor,
  zeros,
  zerosLike,
} from './ops/creation.js'
export {
  abs,
  add,
  clamp,
  cos,
  div,
  eq,
  exp,
  ge,
  gt,
  le,
  log,
  lt,
  maximum,
  minimum,
  mul,
  ne,
  neg,
  pow,
  reciprocal,
  sign,
  sin,
  sqrt,
  square,
  sub,
  where,
} from './ops/elementwise.js'
export { cat, gather, indexSelect, narrow, oneHot, select, slice, split, stack } from './ops/indexing.js'
export { dot, linear, matmul, outer } from './ops/linalg.js'
export { expand, flatten, permute, reshape, squeeze, transpose, unsqueeze } from './ops/movement.js'
export type { TensorLike } from './ops/operand.js'
export { adamStep, optimizerState } from './ops/optim.js'
export {
  argmax,
  argmin,
  type Dims,
  logsumexp,
  max,
  mean,
  min,
  std,
  sum,
  sumTo,
  variance as var,
} from './ops/reduce.js'
export { manualSeed } from './random.js'
export { type NestedNumbers, Tensor } from './tensor.js'
