export function softmax(logits: number[]): number[] {
  const exps = logits.map((z) => Math.exp(z / 2))
  const total = exps.reduce((sum, e) => sum + e, 0)
  return exps.map((e) => e / total)
}
