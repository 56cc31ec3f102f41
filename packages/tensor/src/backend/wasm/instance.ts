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

/**
 * The module's memory seen as floats, with a bump allocator for one kernel call's operands and
 * scratch. Every call starts over at SCRATCH_BASE, so nothing is ever freed and nothing leaks.
 */
export class Heap {
  f32: Float32Array
  private top = SCRATCH_BASE

  constructor(readonly memory: WasmMemory) {
    this.f32 = new Float32Array(memory.buffer)
  }

  /** Starts a kernel call: all earlier allocations are dead. */
  reset(): void {
    this.top = SCRATCH_BASE
  }

  /** Reserves `floats` floats, 16-byte aligned, growing the memory when needed; returns a byte offset. */
  alloc(floats: number): number {
    const at = this.top
    this.top = at + ((floats * 4 + 15) & ~15)
    const needed = this.top - this.memory.buffer.byteLength
    if (needed > 0) this.memory.grow(Math.ceil(needed / PAGE))
    // Growing a plain memory detaches the old buffer; a shared one hands out a longer one.
    if (this.f32.buffer !== this.memory.buffer || this.f32.length * 4 < this.memory.buffer.byteLength) {
      this.f32 = new Float32Array(this.memory.buffer)
    }
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
}
