/**
 * The slice of the WebAssembly JS API the wasm backend uses, typed here because the package is
 * compiled without DOM types, and read off globalThis because some engines have none at all.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer
  grow(pages: number): number
}

// biome-ignore lint/suspicious/noEmptyInterface: an opaque handle, only passed back to the API
export interface WasmModule {}

interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule
  compile(bytes: Uint8Array): Promise<WasmModule>
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: unknown }
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory
}

/** The engine's WebAssembly object, or null where there is none (the grading sandbox). */
export function webAssembly(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly
  return typeof api === 'object' && api !== null ? api : null
}
