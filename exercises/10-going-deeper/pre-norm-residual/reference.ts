function layerNorm(values: number[]): number[] {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length
  return values.map((v) => (v - mean) / Math.sqrt(variance + 1e-5))
}

function matVec(weights: number[][], v: number[]): number[] {
  return weights.map((row) => row.reduce((sum, w, j) => sum + w * v[j]!, 0))
}

export function preNormBlock(x: number[], weights: number[][]): number[] {
  // reorder:start
  const normed = layerNorm(x)
  const hidden = matVec(weights, normed)
  const activated = hidden.map((h) => Math.max(0, h))
  const output = x.map((v, i) => v + activated[i]!)
  return output
  // reorder:end
}
