export function attention(q: number[][], k: number[][], v: number[][]): number[][] {
  const d = q[0]!.length
  const scores = q.map((query) =>
    k.map((key) => key.reduce((sum, x, c) => sum + x * query[c]!, 0) / Math.sqrt(d)),
  )
  // Normalises each column (one key over all queries) instead of each row.
  const weights = scores.map((row) => row.map(() => 0))
  for (let j = 0; j < k.length; j++) {
    let total = 0
    for (let i = 0; i < q.length; i++) total += Math.exp(scores[i]![j]!)
    for (let i = 0; i < q.length; i++) weights[i]![j] = Math.exp(scores[i]![j]!) / total
  }
  return weights.map((row) => v[0]!.map((_, c) => row.reduce((sum, w, j) => sum + w * v[j]![c]!, 0)))
}
