// Runs before every test file: puts the whole suite on the backend its vitest project names.
import { getBackend, setBackend, setWasmCutoffs } from '@gradschool/tensor'

const wanted = process.env.GRADSCHOOL_BACKEND
if (wanted) {
  setBackend(wanted)
  if (getBackend() !== wanted) throw new Error(`expected backend ${wanted}, got ${getBackend()}`)
  // Small tensors would otherwise take the TypeScript kernels; here every wasm kernel runs, and
  // every product goes through the helper threads.
  if (wanted === 'wasm') setWasmCutoffs({ matmul: 0, elementwise: 0, parallel: 0 })
}
