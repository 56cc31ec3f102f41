import type { DType, TypedArray } from '../../dtype.js'
import { adamScalars } from '../adam.js'
import type { AdamHyper, Backend, BinaryOp, ConvGeometry, Cutoffs, ReduceOp, UnaryOp } from '../backend.js'
import { jsBackend } from '../js.js'
import {
  canShareMemory,
  compileAsync,
  compileSync,
  Heap,
  instantiate,
  type KernelExports,
  type KernelModule,
} from './instance.js'
import { JobKind, ThreadPool } from './threads.js'
import { webAssembly } from './webassembly.js'

/**
 * The `wasm` backend: float32 kernels compiled from assembly/*.ts to WebAssembly with 128-bit
 * SIMD, large products split across helper threads. Operands are copied into the module's
 * memory per call (a memcpy, small next to the work above the size cut-offs) while optimizer
 * state lives there; everything it does not speed up (other dtypes, strided broadcasts, tiny
 * tensors) runs the TypeScript kernels.
 */

export const DEFAULT_CUTOFFS: Readonly<Cutoffs> = { matmul: 4096, parallel: 1 << 20, elementwise: 2048 }
/** Below this fraction of non-zeros, skipping zeros beats the dense kernel (MNIST pixels: 0.19). */
const SPARSE_DENSITY = 0.25
/** Bytes of per-thread scratch for the micro-kernel's ragged edge tiles. */
const TILE_BYTES = 128

const BINARY_CODES: Partial<Record<BinaryOp, number>> = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  maximum: 4,
  minimum: 5,
}
const UNARY_CODES: Partial<Record<UnaryOp, number>> = {
  relu: 0,
  neg: 1,
  abs: 2,
  square: 3,
  sqrt: 4,
  exp: 5,
  log: 6,
  sigmoid: 7,
  tanh: 8,
  reciprocal: 9,
}
const UNARY_GRAD_CODES: Partial<Record<UnaryOp, number>> = { relu: 0, sigmoid: 7, tanh: 8 }

function allFloat32(...arrays: TypedArray[]): boolean {
  for (const a of arrays) if (!(a instanceof Float32Array)) return false
  return true
}

/** Default helper threads: one per further core, at most three (two cores → one helper). */
export function defaultHelperThreads(): number {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  let cores = 1
  const os = nodeProcess?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number } | undefined
  if (os?.availableParallelism) cores = os.availableParallelism()
  else {
    const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    if (nav?.hardwareConcurrency) cores = nav.hardwareConcurrency
  }
  return Math.max(0, Math.min(cores, 4) - 1)
}

export interface WasmBackend extends Backend {
  /** Threads a large product may use, this one included. */
  threads(): number
  setThreads(count: number): void
  /** Threads able to take work right now (helpers start asynchronously); starts them if needed. */
  readyThreads(): number
  /** Changes the size cut-offs (tests set them to 0 so every kernel runs, whatever the size). */
  setCutoffs(cutoffs: Partial<Cutoffs>): void
}

export function createWasmBackend(kernels: KernelModule): WasmBackend {
  const wasm: KernelExports = instantiate(kernels)
  const heap = new Heap(kernels.memory)
  let helpers = kernels.shared ? defaultHelperThreads() : 0
  let pool: ThreadPool | null = null
  const cutoffs: Cutoffs = { ...DEFAULT_CUTOFFS }

  function threadPool(): ThreadPool | null {
    if (helpers === 0) return null
    if (!pool) pool = new ThreadPool(kernels, wasm, helpers)
    return pool.size() > 0 ? pool : null
  }

  function matmul(
    a: TypedArray,
    b: TypedArray,
    out: TypedArray,
    m: number,
    k: number,
    n: number,
    transA: boolean,
    transB: boolean,
  ): void {
    if (m * n * k < cutoffs.matmul || m * n * k === 0 || !allFloat32(a, b, out)) {
      jsBackend.matmul(a, b, out, m, k, n, transA, transB)
      return
    }
    heap.reset()
    const pa = heap.put(a as Float32Array, m * k)
    const pb = heap.put(b as Float32Array, k * n)
    const c = heap.alloc(m * n)
    const tiles = heap.alloc(((helpers + 1) * TILE_BYTES) / 4)
    const parallel = m * n * k >= cutoffs.parallel ? threadPool() : null
    const sparseRows = (
      s: number,
      rows: number,
      c: number,
      rowsOut: number,
      depth: number,
      cols: number,
      transS: boolean,
    ) => {
      const fixed = [s, rows, c, rowsOut, depth, cols, transS ? 1 : 0]
      if (parallel) parallel.run(JobKind.SparseRows, rowsOut, fixed, () => 0)
      else wasm.sparseRows(s, rows, c, rowsOut, depth, cols, transS ? 1 : 0, 0, rowsOut)
    }
    if (isSparse(pa, m * k) && wasm.allFinite(pb, k * n)) {
      // Each non-zero of A adds a row of B: B must be row-major k×n.
      let bRows = pb
      if (transB) {
        bRows = heap.alloc(k * n)
        wasm.transpose(pb, n, k, bRows)
      }
      sparseRows(pa, bRows, c, m, k, n, transA)
      heap.take(c, out as Float32Array, m * n)
      return
    }
    if (isSparse(pb, k * n) && wasm.allFinite(pa, m * k)) {
      // Cᵀ = op(B)ᵀ·op(A)ᵀ puts the sparse operand on the left; op(A)ᵀ must be row-major k×m.
      let aRows = pa
      if (!transA) {
        aRows = heap.alloc(k * m)
        wasm.transpose(pa, m, k, aRows)
      }
      const ct = heap.alloc(n * m)
      sparseRows(pb, aRows, ct, n, k, m, !transB)
      wasm.transpose(ct, n, m, c)
      heap.take(c, out as Float32Array, m * n)
      return
    }
    const panelsA = Math.ceil(m / 4)
    const panelsB = Math.ceil(n / 8)
    const packedA = heap.alloc(panelsA * 4 * k)
    const packedB = heap.alloc(panelsB * 8 * k)
    wasm.packA(pa, m, k, transA ? 1 : 0, packedA)
    wasm.packB(pb, k, n, transB ? 1 : 0, packedB)
    if (parallel) {
      parallel.run(JobKind.Gemm, panelsB, [packedA, packedB, c, m, k, n], (part) => tiles + part * TILE_BYTES)
    } else wasm.gemmPacked(packedA, packedB, c, m, k, n, 0, panelsB, tiles)
    heap.take(c, out as Float32Array, m * n)
  }

  function isSparse(at: number, length: number): boolean {
    const limit = Math.floor(length * SPARSE_DENSITY)
    return wasm.countNonZeros(at, length, limit) <= limit
  }

  function binary(
    op: BinaryOp,
    a: TypedArray,
    aStrides: readonly number[],
    b: TypedArray,
    bStrides: readonly number[],
    out: TypedArray,
    shape: readonly number[],
  ): void {
    const code = BINARY_CODES[op]
    const n = out.length
    if (code === undefined || n < cutoffs.elementwise || !allFloat32(a, b, out)) {
      jsBackend.binary(op, a, aStrides, b, bStrides, out, shape)
      return
    }
    const aFull = a.length === n
    const bFull = b.length === n
    if ((aFull || a.length === 1) && (bFull || b.length === 1)) {
      heap.reset()
      const pa = heap.put(a as Float32Array)
      const pb = heap.put(b as Float32Array)
      const po = heap.alloc(n)
      wasm.binary(code, pa, aFull ? 0 : 1, pb, bFull ? 0 : 1, po, n)
      heap.take(po, out as Float32Array)
      return
    }
    const cols = shape[shape.length - 1] ?? 1
    if (aFull && b.length === cols && isRowBroadcast(bStrides)) {
      heap.reset()
      const pa = heap.put(a as Float32Array)
      const pb = heap.put(b as Float32Array)
      const po = heap.alloc(n)
      wasm.binaryRows(code, pa, pb, po, n / cols, cols)
      heap.take(po, out as Float32Array)
      return
    }
    jsBackend.binary(op, a, aStrides, b, bStrides, out, shape)
  }

  function unary(op: UnaryOp, a: TypedArray, out: TypedArray, alpha: number): void {
    const code = UNARY_CODES[op]
    if (code === undefined || a.length < cutoffs.elementwise || !allFloat32(a, out)) {
      jsBackend.unary(op, a, out, alpha)
      return
    }
    heap.reset()
    const pa = heap.put(a as Float32Array)
    const po = heap.alloc(a.length)
    wasm.unary(code, pa, po, a.length)
    heap.take(po, out as Float32Array)
  }

  function unaryGrad(
    op: UnaryOp,
    x: TypedArray,
    y: TypedArray,
    g: TypedArray,
    out: TypedArray,
    alpha: number,
  ): void {
    const code = UNARY_GRAD_CODES[op]
    if (code === undefined || g.length < cutoffs.elementwise || !allFloat32(y, g, out)) {
      jsBackend.unaryGrad(op, x, y, g, out, alpha)
      return
    }
    heap.reset()
    const py = heap.put(y as Float32Array)
    const pg = heap.put(g as Float32Array)
    const po = heap.alloc(g.length)
    wasm.unaryGrad(code, py, pg, po, g.length)
    heap.take(po, out as Float32Array)
  }

  function reduce(
    op: ReduceOp,
    a: TypedArray,
    out: TypedArray,
    outer: number,
    size: number,
    inner: number,
  ): void {
    const n = outer * size * inner
    if (op !== 'sum' || n < cutoffs.elementwise || !allFloat32(a, out)) {
      jsBackend.reduce(op, a, out, outer, size, inner)
      return
    }
    heap.reset()
    const pa = heap.put(a as Float32Array, n)
    const po = heap.alloc(outer * inner)
    wasm.sumAxis(pa, po, outer, size, inner)
    heap.take(po, out as Float32Array, outer * inner)
  }

  function softmax(
    a: TypedArray,
    out: TypedArray,
    outer: number,
    size: number,
    inner: number,
    log: boolean,
  ): void {
    const n = outer * size * inner
    if (inner !== 1 || n < cutoffs.elementwise || !allFloat32(a, out)) {
      jsBackend.softmax(a, out, outer, size, inner, log)
      return
    }
    heap.reset()
    const pa = heap.put(a as Float32Array, n)
    const po = heap.alloc(n)
    wasm.softmaxRows(pa, po, outer, size, log ? 1 : 0)
    heap.take(po, out as Float32Array, n)
  }

  function softmaxGrad(
    y: TypedArray,
    g: TypedArray,
    out: TypedArray,
    outer: number,
    size: number,
    inner: number,
    log: boolean,
  ): void {
    const n = outer * size * inner
    if (inner !== 1 || n < cutoffs.elementwise || !allFloat32(y, g, out)) {
      jsBackend.softmaxGrad(y, g, out, outer, size, inner, log)
      return
    }
    heap.reset()
    const py = heap.put(y as Float32Array, n)
    const pg = heap.put(g as Float32Array, n)
    const po = heap.alloc(n)
    wasm.softmaxGradRows(py, pg, po, outer, size, log ? 1 : 0)
    heap.take(po, out as Float32Array, n)
  }

  function im2col(
    input: TypedArray,
    inputOffset: number,
    g: ConvGeometry,
    batch: number,
    cols: TypedArray,
  ): void {
    const imageFloats = g.channels * g.height * g.width
    const colFloats = g.channels * g.kernelH * g.kernelW * batch * g.outH * g.outW
    if (colFloats < cutoffs.elementwise || !allFloat32(input, cols)) {
      jsBackend.im2col(input, inputOffset, g, batch, cols)
      return
    }
    heap.reset()
    const px = heap.put((input as Float32Array).subarray(inputOffset, inputOffset + batch * imageFloats))
    const pc = heap.alloc(colFloats)
    wasm.im2col(px, ...geometryArgs(g), batch, pc)
    heap.take(pc, cols as Float32Array, colFloats)
  }

  function col2im(
    cols: TypedArray,
    g: ConvGeometry,
    batch: number,
    out: TypedArray,
    outOffset: number,
  ): void {
    const imageFloats = g.channels * g.height * g.width
    const colFloats = g.channels * g.kernelH * g.kernelW * batch * g.outH * g.outW
    if (colFloats < cutoffs.elementwise || !allFloat32(cols, out)) {
      jsBackend.col2im(cols, g, batch, out, outOffset)
      return
    }
    heap.reset()
    const pc = heap.put(cols as Float32Array, colFloats)
    // col2im adds into the images: they go in and come back out.
    const target = (out as Float32Array).subarray(outOffset, outOffset + batch * imageFloats)
    const po = heap.put(target)
    wasm.col2im(pc, ...geometryArgs(g), batch, po)
    heap.take(po, target)
  }

  function pool2d(
    op: 'max' | 'avg',
    input: TypedArray,
    inputOffset: number,
    g: ConvGeometry,
    out: TypedArray,
    outOffset: number,
    argmax: Int32Array | null,
  ): void {
    const inFloats = g.channels * g.height * g.width
    const outFloats = g.channels * g.outH * g.outW
    if (inFloats < cutoffs.elementwise || !allFloat32(input, out)) {
      jsBackend.pool2d(op, input, inputOffset, g, out, outOffset, argmax)
      return
    }
    heap.reset()
    const px = heap.put((input as Float32Array).subarray(inputOffset, inputOffset + inFloats))
    const po = heap.alloc(outFloats)
    const pa = argmax ? heap.alloc(outFloats) : 0
    wasm.pool2d(op === 'max' ? 0 : 1, px, ...geometryArgs(g), po, pa)
    heap.take(po, (out as Float32Array).subarray(outOffset, outOffset + outFloats))
    if (argmax) heap.takeInt32(pa, argmax.subarray(outOffset, outOffset + outFloats))
  }

  function allocateState(length: number, dtype: DType): TypedArray {
    // State has its parameter's precision (as PyTorch keeps it); only float32 has wasm kernels.
    if (dtype !== 'float32') return jsBackend.allocateState(length, dtype)
    // Views into a plain memory would detach when it grows; there the state is copied per step.
    return kernels.shared ? heap.allocResident(length) : new Float32Array(length)
  }

  function adamStep(
    param: TypedArray,
    grad: TypedArray,
    m: TypedArray,
    v: TypedArray,
    vMax: TypedArray | null,
    h: AdamHyper,
  ): void {
    const n = param.length
    if (n < cutoffs.elementwise || !allFloat32(param, grad, m, v, ...(vMax ? [vMax] : []))) {
      jsBackend.adamStep(param, grad, m, v, vMax, h)
      return
    }
    heap.reset()
    const pp = heap.put(param as Float32Array)
    const pg = heap.put(grad as Float32Array)
    // Resident state is used where it lives; anything else is copied in and back out.
    const place = (state: Float32Array) => heap.residentOffset(state) ?? heap.put(state)
    const pm = place(m as Float32Array)
    const pv = place(v as Float32Array)
    const pMax = vMax ? place(vMax as Float32Array) : 0
    const { stepSize, invSqrtCorrection2, shrink, coupledDecay } = adamScalars(h)
    wasm.adamStep(
      pp,
      pg,
      pm,
      pv,
      pMax,
      n,
      h.beta1,
      h.beta2,
      1 - h.beta1,
      1 - h.beta2,
      stepSize,
      invSqrtCorrection2,
      h.eps,
      shrink,
      coupledDecay,
    )
    heap.take(pp, param as Float32Array)
    for (const [state, at] of [
      [m, pm],
      [v, pv],
      [vMax, pMax],
    ] as const) {
      if (state && heap.residentOffset(state as Float32Array) === undefined)
        heap.take(at, state as Float32Array)
    }
  }

  return {
    ...jsBackend,
    name: 'wasm',
    allocateState,
    adamStep,
    im2col,
    col2im,
    pool2d,
    matmul,
    binary,
    unary,
    unaryGrad,
    reduce,
    softmax,
    softmaxGrad,
    threads: () => (kernels.shared ? helpers + 1 : 1),
    readyThreads: () => 1 + (threadPool()?.readyHelpers() ?? 0),
    setCutoffs(changes: Partial<Cutoffs>) {
      Object.assign(cutoffs, changes)
    },
    setThreads(count: number) {
      if (!Number.isInteger(count) || count < 1) {
        throw new RangeError(`setNumThreads: expected a whole number ≥ 1, got ${count}`)
      }
      const wanted = kernels.shared ? count - 1 : 0
      if (wanted === helpers) return
      pool?.terminate()
      pool = null
      helpers = wanted
    },
  }
}

/** A geometry as the kernels take it: channels, height, width, kernel, stride, padding, output size. */
function geometryArgs(g: ConvGeometry): number[] {
  return [
    g.channels,
    g.height,
    g.width,
    g.kernelH,
    g.kernelW,
    g.strideH,
    g.strideW,
    g.padH,
    g.padW,
    g.outH,
    g.outW,
  ]
}

/** True when only the last stride is non-zero and it is 1: one row repeated down the batch. */
function isRowBroadcast(strides: readonly number[]): boolean {
  for (let d = 0; d < strides.length - 1; d++) if (strides[d] !== 0) return false
  return strides[strides.length - 1] === 1
}

/** Builds the backend now if this engine allows a synchronous compile; null when it cannot. */
export function loadWasmBackendSync(): WasmBackend | null {
  if (!webAssembly()) return null
  try {
    return createWasmBackend(compileSync(canShareMemory()))
  } catch {
    return null
  }
}

/** Builds the backend with an asynchronous compile (browsers' main threads); null without WebAssembly. */
export async function loadWasmBackend(): Promise<WasmBackend | null> {
  if (!webAssembly()) return null
  try {
    return createWasmBackend(await compileAsync(canShareMemory()))
  } catch {
    return null
  }
}
