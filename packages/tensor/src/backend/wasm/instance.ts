import { SHARED_MAXIMUM_PAGES, WASM_KERNELS, WASM_KERNELS_SHARED } from '../../../generated/wasm-kernels.js'
import { type WasmMemory, type WasmModule, webAssembly } from './webassembly.js'

/** The functions assembly/*.ts exports. Pointers are byte offsets into the module's memory. */
export interface KernelExports {
  binary(op: number, a: number, aScalar: number, b: number, bScalar: number, out: number, n: number): void
  binaryRows(op: number, a: number, row: number, out: number, rows: number, cols: number): void
  unary(op: number, a: number, out: number, n: number): void
  unaryGrad(op: number, y: number, g: number, out: number, n: number): void
  sumAxis(a: number, out: number, outer: number, size: number, inner: number): void
  softmaxRows(a: number, out: number, rows: number, size: number, log: number): void
  softmaxGradRows(y: number, g: number, out: number, rows: number, size: number, log: number): void
  packA(a: number, m: number, k: number, transA: number, dst: number): void
  packB(b: number, k: number, n: number, transB: number, dst: number): void
  gemmPacked(
    pa: number,
    pb: number,
    c: number,
    m: number,
    k: number,
    n: number,
    q0: number,
    q1: number,
    tile: number,
  ): void
  sparseRows(
    a: number,
    b: number,
    c: number,
    m: number,
    k: number,
    n: number,
    transA: number,
    i0: number,
    i1: number,
  ): void
  transpose(src: number, rows: number, cols: number, dst: number): void
  adamStep(
    p: number,
    g: number,
    m: number,
    v: number,
    vMax: number,
    n: number,
    beta1: number,
    beta2: number,
    oneMinusBeta1: number,
    oneMinusBeta2: number,
    stepSize: number,
    invSqrtCorrection2: number,
    eps: number,
    shrink: number,
    coupledDecay: number,
  ): void
  im2col(x: number, ...geometryBatchAndCols: number[]): void
  col2im(cols: number, ...geometryBatchAndOut: number[]): void
  pool2d(op: number, x: number, ...geometryOutAndArgmax: number[]): void
  countNonZeros(x: number, n: number, limit: number): number
  allFinite(x: number, n: number): number
}

const PAGE = 65536
/** Static data of the module (math tables) lives below this; scratch space starts here. */
export const SCRATCH_BASE = PAGE

/** A compiled kernel module plus the memory it works in. */
export interface KernelModule {
  readonly module: WasmModule
  readonly memory: WasmMemory
  readonly shared: boolean
}

function decodeBase64(text: string): Uint8Array {
  if (typeof atob === 'function') {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  }
  throw new Error('no base64 decoder (atob) in this JavaScript engine')
}

/** True where a shared memory can exist and be handed to workers (Node; cross-origin isolated pages). */
export function canShareMemory(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated
  // Node has no crossOriginIsolated and always allows shared memory; browsers say so explicitly.
  return isolated === undefined || isolated === true
}

function api() {
  const found = webAssembly()
  if (!found) throw new Error('this JavaScript engine has no WebAssembly')
  return found
}

function newMemory(shared: boolean): WasmMemory {
  return shared
    ? new (api().Memory)({ initial: 2, maximum: SHARED_MAXIMUM_PAGES, shared: true })
    : new (api().Memory)({ initial: 2 })
}

/** Compiles synchronously: fine in Node and in workers; browsers' main threads refuse modules over 4 KB. */
export function compileSync(shared: boolean): KernelModule {
  const module = new (api().Module)(decodeBase64(shared ? WASM_KERNELS_SHARED : WASM_KERNELS))
  return { module, memory: newMemory(shared), shared }
}

export async function compileAsync(shared: boolean): Promise<KernelModule> {
  const module = await api().compile(decodeBase64(shared ? WASM_KERNELS_SHARED : WASM_KERNELS))
  return { module, memory: newMemory(shared), shared }
}

export function instantiate(kernels: KernelModule): KernelExports {
  const instance = new (api().Instance)(kernels.module, { env: { memory: kernels.memory } })
  return instance.exports as unknown as KernelExports
}

interface Block {
  at: number
  bytes: number
}

/**
 * The module's memory seen as floats. Two regions: long-lived buffers (optimizer state) at the
 * bottom, handed out first-fit and returned when the collector finalizes their views; above
 * them, a bump allocator for one kernel call's operands and scratch, which starts over on every
 * call, so nothing in it is ever freed and nothing leaks.
 */
export class Heap {
  f32: Float32Array
  private scratchBase = SCRATCH_BASE
  private top = SCRATCH_BASE
  private readonly free: Block[] = []
  private readonly residentAt = new WeakMap<Float32Array, number>()
  private readonly finalizer = new FinalizationRegistry<Block>((block) => this.release(block))

  constructor(readonly memory: WasmMemory) {
    this.f32 = new Float32Array(memory.buffer)
  }

  /** Starts a kernel call: all earlier scratch allocations are dead. */
  reset(): void {
    this.top = this.scratchBase
  }

  /** Reserves `floats` floats, 16-byte aligned, growing the memory when needed; returns a byte offset. */
  alloc(floats: number): number {
    const at = this.top
    this.top = at + bytesFor(floats)
    this.ensure(this.top)
    return at
  }

  /** Allocates room for `src` and copies it in. */
  put(src: Float32Array, length = src.length): number {
    const at = this.alloc(length)
    this.f32.set(length === src.length ? src : src.subarray(0, length), at >> 2)
    return at
  }

  /** Copies `length` floats at byte offset `at` out into `dst`. */
  take(at: number, dst: Float32Array, length = dst.length): void {
    dst.set(this.f32.subarray(at >> 2, (at >> 2) + length))
  }

  /** Copies `dst.length` 32-bit integers at byte offset `at` out into `dst`. */
  takeInt32(at: number, dst: Int32Array): void {
    dst.set(new Int32Array(this.memory.buffer, at, dst.length))
  }

  /**
   * A zero-filled float array living in the module's memory for as long as it is referenced.
   * Only for shared memories: their views stay valid when the memory grows.
   */
  allocResident(floats: number): Float32Array {
    const bytes = bytesFor(floats)
    let at = -1
    const fit = this.free.findIndex((block) => block.bytes >= bytes)
    if (fit >= 0) {
      const block = this.free[fit]!
      at = block.at
      if (block.bytes === bytes) this.free.splice(fit, 1)
      else this.free[fit] = { at: at + bytes, bytes: block.bytes - bytes }
    } else {
      at = this.scratchBase
      this.scratchBase += bytes
      this.ensure(this.scratchBase)
    }
    const view = new Float32Array(this.memory.buffer, at, floats)
    view.fill(0)
    this.residentAt.set(view, at)
    this.finalizer.register(view, { at, bytes })
    return view
  }

  /** The byte offset of a view from `allocResident`, or undefined for any other array. */
  residentOffset(view: Float32Array): number | undefined {
    return this.residentAt.get(view)
  }

  private release(block: Block): void {
    this.free.push(block)
    this.free.sort((a, b) => a.at - b.at)
    // Merge neighbours; a free block at the top gives its room back to the scratch region.
    const merged: Block[] = []
    for (const b of this.free) {
      const last = merged[merged.length - 1]
      if (last && last.at + last.bytes === b.at) last.bytes += b.bytes
      else merged.push({ ...b })
    }
    const topmost = merged[merged.length - 1]
    if (topmost && topmost.at + topmost.bytes === this.scratchBase) {
      this.scratchBase = topmost.at
      merged.pop()
    }
    this.free.splice(0, this.free.length, ...merged)
  }

  private ensure(end: number): void {
    const needed = end - this.memory.buffer.byteLength
    if (needed > 0) this.memory.grow(Math.ceil(needed / PAGE))
    // Growing a plain memory detaches the old buffer; a shared one hands out a longer one.
    if (this.f32.buffer !== this.memory.buffer || this.f32.length * 4 < this.memory.buffer.byteLength) {
      this.f32 = new Float32Array(this.memory.buffer)
    }
  }
}

function bytesFor(floats: number): number {
  return Math.max(16, (floats * 4 + 15) & ~15)
}
