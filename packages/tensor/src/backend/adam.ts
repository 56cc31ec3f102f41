import type { AdamHyper } from './backend.js'

/**
 * The per-step scalars of an Adam update, derived once for every backend: with them a step is
 * p' = shrink·p, g' = g + coupledDecay·p', …, p = p' − stepSize·m / (√v·invSqrtCorrection2 + eps).
 */
export function adamScalars(h: AdamHyper): {
  stepSize: number
  invSqrtCorrection2: number
  shrink: number
  coupledDecay: number
} {
  return {
    stepSize: h.lr / (1 - h.beta1 ** h.step),
    invSqrtCorrection2: 1 / Math.sqrt(1 - h.beta2 ** h.step),
    // AdamW decays the weights directly; Adam's weightDecay is L2, added to the gradient.
    shrink: h.decoupled ? 1 - h.lr * h.weightDecay : 1,
    coupledDecay: h.decoupled ? 0 : h.weightDecay,
  }
}
