export function layerNorm(values: number[], eps: number): number[] {
  const n = values.length
  const mean = values.reduce((sum, v) => sum + v, 0) / n
  const variance = n > 1 ? values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) : 0
  return values.map((v) => (v - mean) / Math.sqrt(variance + eps))
}
