// The WebAssembly kernels of the `wasm` backend (built by `pnpm --filter @gradschool/tensor build`).
export * from './elementwise'
export * from './matmul'
export * from './optim'
export * from './conv'
