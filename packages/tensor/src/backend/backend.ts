import type { TypedArray } from '../dtype.js'
import { jsBackend } from './js.js'

/**
 * The kernels every tensor op is built from. Ops in `../ops` handle shapes, dtypes and
 * gradients; a backend only runs loops over flat, contiguous arrays. A faster backend
 * (WebAssembly, threads) implements this interface and everything speeds up at once.
 */
export interface Backend {
  readonly name: string

  /** out = f(a) elementwise. `alpha` parameterises ops like leakyRelu or pow-by-scalar. */
  unary(op: UnaryOp, a: TypedArray, out: TypedArray, alpha: number): void

  /** out = g · f'(x) elementwise, where y = f(x) was the forward result (fused backward). */
  unaryGrad(op: UnaryOp, x: TypedArray, y: TypedArray, g: TypedArray, out: TypedArray, alpha: number): void

  /**
   * out[i] = a[ia] ∘ b[ib] where ia/ib follow the broadcast strides over `shape`
   * (stride 0 on a broadcast dim). Same-shape and scalar cases are the hot paths.
   */
  binary(
    op: BinaryOp,
    a: TypedArray,
    aStrides: readonly number[],
    b: TypedArray,
    bStrides: readonly number[],
    out: TypedArray,
    shape: readonly number[],
  ): void

  /** Reduce the middle axis of a [outer, size, inner] view: out has outer·inner entries. */
  reduce(op: ReduceOp, a: TypedArray, out: TypedArray, outer: number, size: number, inner: number): void

  /** Index of the max/min along the middle axis of [outer, size, inner]. */
  argReduce(
    op: 'argmax' | 'argmin',
    a: TypedArray,
    out: Int32Array,
    outer: number,
    size: number,
    inner: number,
  ): void

  /** out[m×n] = A·B with A = a (m×k) or aᵀ (a is k×m), B = b (k×n) or bᵀ (b is n×k). */
  matmul(
    a: TypedArray,
    b: TypedArray,
    out: TypedArray,
    m: number,
    k: number,
    n: number,
    transA: boolean,
    transB: boolean,
  ): void

  /** Softmax (or log-softmax) along the middle axis of [outer, size, inner]. */
  softmax(a: TypedArray, out: TypedArray, outer: number, size: number, inner: number, log: boolean): void

  /** Backward of softmax/log-softmax given the forward output y and incoming gradient g. */
  softmaxGrad(
    y: TypedArray,
    g: TypedArray,
    out: TypedArray,
    outer: number,
    size: number,
    inner: number,
    log: boolean,
  ): void

  /** Copy `src` read through `srcStrides` (any layout) into contiguous `out` of `shape`. */
  gather(
    src: TypedArray,
    srcOffset: number,
    srcStrides: readonly number[],
    out: TypedArray,
    shape: readonly number[],
  ): void

  /** Unfold image patches: input [C,H,W] → columns [C·kh·kw, outH·outW]. */
  im2col(input: TypedArray, inputOffset: number, geometry: ConvGeometry, cols: TypedArray): void

  /** Fold columns back (adding overlaps): the adjoint of im2col. */
  col2im(cols: TypedArray, geometry: ConvGeometry, out: TypedArray, outOffset: number): void

  /** Max/avg pooling forward over one [C,H,W] image; argmax indices are kept for max's backward. */
  pool2d(
    op: 'max' | 'avg',
    input: TypedArray,
    inputOffset: number,
    geometry: ConvGeometry,
    out: TypedArray,
    outOffset: number,
    argmax: Int32Array | null,
  ): void
}

export interface ConvGeometry {
  channels: number
  height: number
  width: number
  kernelH: number
  kernelW: number
  strideH: number
  strideW: number
  padH: number
  padW: number
  outH: number
  outW: number
}

export type UnaryOp =
  | 'neg'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'sign'
  | 'relu'
  | 'leakyRelu'
  | 'sigmoid'
  | 'tanh'
  | 'gelu'
  | 'geluTanh'
  | 'softplus'
  | 'powScalar'
  | 'sin'
  | 'cos'
  | 'square'
  | 'reciprocal'

export type BinaryOp =
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | 'maximum'
  | 'minimum'
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'

export type ReduceOp = 'sum' | 'max' | 'min'

// The pure TypeScript backend is always there: no registration step that a bundler's
// tree-shaking could drop.
let current: Backend = jsBackend
const registry = new Map<string, Backend>([[jsBackend.name, jsBackend]])

/** Makes a backend available to `setBackend` (it does not switch to it). */
export function registerBackend(backend: Backend): void {
  registry.set(backend.name, backend)
}

export function setBackend(name: string): void {
  const found = registry.get(name)
  if (!found) {
    throw new Error(`setBackend: no backend named '${name}' (available: ${[...registry.keys()].join(', ')})`)
  }
  current = found
}

export function getBackend(): string {
  return kernels().name
}

export function kernels(): Backend {
  return current
}
