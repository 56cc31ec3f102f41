import { type AdamHyper, kernels } from '../backend/backend.js'
import type { DType, TypedArray } from '../dtype.js'
import { TensorError } from '../errors.js'

/**
 * Fused optimizer steps: the backend runs a whole update in one pass over the parameter, its
 * gradient and its state (PyTorch's `fused=True`). Optimizers in @gradschool/nn build on these.
 */

/**
 * A zero-filled buffer for the optimizer state of a parameter of `dtype`, placed where the
 * current backend's fused steps want it.
 */
export function optimizerState(length: number, dtype: DType = 'float32'): TypedArray {
  return kernels().allocateState(length, dtype)
}

/** One Adam/AdamW step in place on `param`, `m`, `v` (and `vMax` for AMSGrad). */
export function adamStep(
  param: TypedArray,
  grad: TypedArray,
  m: TypedArray,
  v: TypedArray,
  vMax: TypedArray | null,
  hyper: AdamHyper,
): void {
  const n = param.length
  const lengths = [grad.length, m.length, v.length, vMax?.length ?? n]
  if (lengths.some((length) => length !== n)) {
    throw new TensorError(
      'adamStep',
      `param has ${n} values but grad, m, v${vMax ? ', vMax' : ''} have ${lengths.slice(0, vMax ? 4 : 3).join(', ')}`,
    )
  }
  kernels().adamStep(param, grad, m, v, vMax, hyper)
}
