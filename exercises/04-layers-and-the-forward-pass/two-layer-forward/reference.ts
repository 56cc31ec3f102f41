const layer = (w: number[][], b: number[], v: number[]): number[] =>
  w.map((row, j) => row.reduce((sum, weight, i) => sum + weight * v[i]!, b[j]!))

export function mlp(x: number[], w1: number[][], b1: number[], w2: number[][], b2: number[]): number[] {
  // reorder:start
  const hiddenSums = layer(w1, b1, x)
  const hidden = hiddenSums.map((z) => Math.max(0, z))
  const outputSums = layer(w2, b2, hidden)
  const output = outputSums.map((z) => 1 / (1 + Math.exp(-z)))
  return output
  // reorder:end
}
