export function sgdStep(weights: number[], grads: number[], lr: number): number[] {
  const lambda = 0.1
  return weights.map((w, i) => w - lr * grads[i]! - lambda * w)
}
