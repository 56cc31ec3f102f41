import { checkSameLength, type Values, valuesOf } from './values.js'

/** Mean squared error over all entries. */
export function mse(predictions: Values, targets: Values): number {
  const [p, t] = pair('mse', predictions, targets)
  let total = 0
  for (let i = 0; i < p.length; i++) total += (p[i]! - t[i]!) ** 2
  return total / p.length
}

/** Mean absolute error over all entries. */
export function mae(predictions: Values, targets: Values): number {
  const [p, t] = pair('mae', predictions, targets)
  let total = 0
  for (let i = 0; i < p.length; i++) total += Math.abs(p[i]! - t[i]!)
  return total / p.length
}

/**
 * Coefficient of determination 1 − SS_res / SS_tot. For constant targets (SS_tot = 0) it is
 * 1 for a perfect prediction and 0 otherwise, as in scikit-learn.
 */
export function r2(predictions: Values, targets: Values): number {
  const [p, t] = pair('r2', predictions, targets)
  let mean = 0
  for (let i = 0; i < t.length; i++) mean += t[i]!
  mean /= t.length
  let residual = 0
  let spread = 0
  for (let i = 0; i < p.length; i++) {
    residual += (t[i]! - p[i]!) ** 2
    spread += (t[i]! - mean) ** 2
  }
  if (spread === 0) return residual === 0 ? 1 : 0
  return 1 - residual / spread
}

function pair(metric: string, predictions: Values, targets: Values): [ArrayLike<number>, ArrayLike<number>] {
  const p = valuesOf(predictions)
  const t = valuesOf(targets)
  checkSameLength(metric, p, t)
  return [p, t]
}
