/**
 * Stands in for the wasm backend where WebAssembly cannot exist (the grading sandbox): bundles
 * resolved with the `gradschool-sandbox` condition get this instead of the kernels.
 */
export function loadWasmBackendSync(): null {
  return null
}

export async function loadWasmBackend(): Promise<null> {
  return null
}
