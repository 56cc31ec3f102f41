import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule, RELEASE_SYNC } from 'quickjs-emscripten'

let loading: Promise<QuickJSWASMModule> | undefined

/**
 * The compiled QuickJS WebAssembly module, loaded once per process (or page) and shared:
 * every submission then gets its own fresh runtime and context, which takes about a millisecond.
 * The release-sync build loads its .wasm from node_modules (or the bundler's asset), never the network.
 */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(RELEASE_SYNC)
  return loading
}
