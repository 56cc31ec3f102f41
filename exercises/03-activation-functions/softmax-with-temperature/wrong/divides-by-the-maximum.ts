// Scales the scores by the largest one instead of the temperature.
export function softmax(logits: number[]): number[] {
  const largest = Math.max(...logits)
  const exps = logits.map((z) => Math.exp(z / largest))
  const total = exps.reduce((sum, e) => sum + e, 0)
  return exps.map((e) => e / total)
}
