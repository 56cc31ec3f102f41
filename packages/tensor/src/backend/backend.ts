import { loadWasmBackend, loadWasmBackendSync } from '#wasm-backend'
import type { DType, TypedArray } from '../dtype.js'
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

  /**
   * Unfold the patches of `batch` consecutive [C,H,W] images into columns
   * [C·kh·kw, batch·outH·outW], image n's columns at n·outH·outW: one product then convolves
   * the whole batch.
   */
  im2col(
    input: TypedArray,
    inputOffset: number,
    geometry: ConvGeometry,
    batch: number,
    cols: TypedArray,
  ): void

  /** Fold such columns back into `batch` images, adding overlaps: the adjoint of im2col. */
  col2im(cols: TypedArray, geometry: ConvGeometry, batch: number, out: TypedArray, outOffset: number): void

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

  /**
   * A zero-filled buffer an optimizer keeps across steps (moments, momentum) for a parameter
   * of `dtype`. The wasm backend places float32 state in its own memory, so a fused step reads
   * and writes it without copies.
   */
  allocateState(length: number, dtype: DType): TypedArray

  /**
   * One Adam/AdamW step, in place on `param`, `m`, `v` (and `vMax` for AMSGrad), with state
   * from `allocateState`. Fused: one pass, no temporaries.
   */
  adamStep(
    param: TypedArray,
    grad: TypedArray,
    m: TypedArray,
    v: TypedArray,
    vMax: TypedArray | null,
    hyper: AdamHyper,
  ): void
}

/** Hyper-parameters of one Adam/AdamW step (PyTorch's `torch.optim.Adam`). */
export interface AdamHyper {
  lr: number
  beta1: number
  beta2: number
  eps: number
  weightDecay: number
  /** AdamW: decay the weights directly instead of adding weightDecay·p to the gradient. */
  decoupled: boolean
  /** The step being taken, from 1 (for the bias corrections). */
  step: number
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

/** Sizes below which a kernel is not worth its fixed costs (copies, calls, thread wake-ups). */
export interface Cutoffs {
  /** Multiply-adds below which a product runs in JS (XOR-sized nets). */
  matmul: number
  /** Multiply-adds from which a product is split across helper threads (a wake-up costs ~10–50 µs). */
  parallel: number
  /** Floats below which elementwise work runs in JS, cheaper than copying in and out. */
  elementwise: number
}

/** A backend that can also use helper threads (the wasm backend). */
interface Threaded {
  threads(): number
  setThreads(count: number): void
}

/**
 * Changes the wasm backend's size cut-offs: below them an op takes the TypeScript kernels.
 * The defaults are tuned on the benchmarks; tests set them to 0 so every wasm kernel runs.
 */
export function setWasmCutoffs(cutoffs: Partial<Cutoffs>): void {
  const wasm = loadWasm() as (Backend & { setCutoffs?(c: Partial<Cutoffs>): void }) | null
  if (!wasm?.setCutoffs) throw new Error('setWasmCutoffs: the wasm backend is not available in this engine')
  wasm.setCutoffs(cutoffs)
}

// The pure TypeScript backend is always there: no registration step that a bundler's
// tree-shaking could drop. The wasm backend is built on first use (see `fastest`).
const registry = new Map<string, Backend>([[jsBackend.name, jsBackend]])
let current: Backend | undefined
let chosenExplicitly = false
// 'unavailable': no synchronous compile (ready() may still compile it); 'absent': none at all.
let wasmState: 'untried' | 'loaded' | 'unavailable' | 'pending' | 'absent' = 'untried'
let pendingLoad: Promise<void> | null = null

function loadWasm(): Backend | null {
  if (wasmState === 'untried') {
    const wasm = loadWasmBackendSync()
    if (wasm) {
      registry.set(wasm.name, wasm)
      wasmState = 'loaded'
    } else wasmState = 'unavailable'
  }
  return registry.get('wasm') ?? null
}

/** The fastest backend this engine can run right now: wasm where WebAssembly compiles, else js. */
function fastest(): Backend {
  return loadWasm() ?? jsBackend
}

/** Makes a backend available to `setBackend` (it does not switch to it). */
export function registerBackend(backend: Backend): void {
  registry.set(backend.name, backend)
}

/**
 * Switches every op to the named backend: 'js' (pure TypeScript, runs anywhere) or 'wasm'
 * (WebAssembly SIMD, threads where memory can be shared). The default is the fastest available.
 */
export function setBackend(name: string): void {
  if (name === 'wasm') loadWasm()
  const found = registry.get(name)
  if (!found) {
    const hint =
      name === 'wasm'
        ? wasmState === 'pending'
          ? ': it is still compiling, await ready() first'
          : wasmState === 'absent'
            ? ': this JavaScript engine cannot compile it (no WebAssembly SIMD)'
            : ': it did not compile synchronously here; await ready() first'
        : ''
    throw new Error(
      `setBackend: no backend named '${name}'${hint} (available: ${[...registry.keys()].join(', ')})`,
    )
  }
  current = found
  chosenExplicitly = true
}

export function getBackend(): string {
  return kernels().name
}

/**
 * Resolves once the fastest backend is in use. Only browsers' main threads need it: they must
 * compile WebAssembly asynchronously, so ops run on 'js' until the wasm backend is ready and
 * then switch (unless `setBackend` chose one). Everywhere else it resolves at once.
 */
export async function ready(): Promise<string> {
  if (wasmState === 'untried') loadWasm()
  if (wasmState === 'unavailable') {
    wasmState = 'pending'
    pendingLoad = loadWasmBackend().then((wasm) => {
      if (wasm) {
        registry.set(wasm.name, wasm)
        wasmState = 'loaded'
        if (!chosenExplicitly) current = wasm
      } else wasmState = 'absent'
      pendingLoad = null
    })
  }
  // Every caller waits for the same compile, however many ask at once.
  if (pendingLoad) await pendingLoad
  return getBackend()
}

/** Threads the current backend may split one large op across (1 for the js backend). */
export function getNumThreads(): number {
  const backend = kernels() as Partial<Threaded>
  return typeof backend.threads === 'function' ? backend.threads() : 1
}

/**
 * Sets how many threads large products may use (this one included). Threads need memory that
 * workers can share: Node, or a cross-origin isolated page; elsewhere the count stays 1.
 */
export function setNumThreads(count: number): void {
  const backend = kernels() as Partial<Threaded>
  if (typeof backend.setThreads === 'function') backend.setThreads(count)
  else if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`setNumThreads: expected a whole number ≥ 1, got ${count}`)
  }
}

export function kernels(): Backend {
  if (current === undefined) current = fastest()
  return current
}
