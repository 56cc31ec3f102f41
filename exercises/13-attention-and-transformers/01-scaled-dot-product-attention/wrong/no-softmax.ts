export function attention(q: number[][], k: number[][], v: number[][]): number[][] {
  const d = q[0]!.length
  const scores = q.map((query) =>
    k.map((key) => key.reduce((sum, x, c) => sum + x * query[c]!, 0) / Math.sqrt(d)),
  )
  return scores.map((row) => v[0]!.map((_, c) => row.reduce((sum, s, j) => sum + s * v[j]![c]!, 0)))
}
