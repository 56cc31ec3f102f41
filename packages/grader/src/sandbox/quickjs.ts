import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync'
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core'

let loading: Promise<QuickJSWASMModule> | undefined

/**
 * The compiled QuickJS WebAssembly module, loaded once per process (or page) and shared:
 * every submission then gets its own fresh runtime and context, which takes about a millisecond.
 * Only the release-sync variant is a dependency (not the `quickjs-emscripten` meta-package, which
 * pulls in every variant), so bundlers emit exactly one .wasm. Its loader reads that file from
 * node_modules in Node and from the bundler's asset URL in browsers, never the network.
 */
export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(RELEASE_SYNC)
  return loading
}
