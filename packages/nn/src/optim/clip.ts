import { type Tensor, TensorError } from '@gradschool/tensor'

/**
 * Scales all gradients together so their combined norm is at most `maxNorm` (parameters
 * without a gradient are skipped) and returns the norm they had before. `normType` may be
 * any p ≥ 1 or Infinity.
 */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number, normType = 2): number {
  if (!(maxNorm >= 0))
    throw new TensorError('clipGradNorm', `maxNorm must be a non-negative number, got ${maxNorm}`)
  if (!(normType >= 1))
    throw new TensorError('clipGradNorm', `normType must be ≥ 1 or Infinity, got ${normType}`)
  const grads = [...params].flatMap((p) => (p.grad ? [p.grad.data] : []))
  let total = 0
  for (const g of grads) {
    for (let i = 0; i < g.length; i++) {
      const a = Math.abs(g[i]!)
      total = normType === Number.POSITIVE_INFINITY ? Math.max(total, a) : total + a ** normType
    }
  }
  if (normType !== Number.POSITIVE_INFINITY) total **= 1 / normType
  // PyTorch's coefficient: never scales up, and the 1e-6 guards against a zero norm.
  const coefficient = Math.min(maxNorm / (total + 1e-6), 1)
  if (coefficient < 1) for (const g of grads) for (let i = 0; i < g.length; i++) g[i]! *= coefficient
  return total
}
