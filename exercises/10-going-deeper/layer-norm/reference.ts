export function layerNorm(values: number[], eps: number): number[] {
  const n = values.length
  const mean = values.reduce((sum, v) => sum + v, 0) / n
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n
  const scale = 1 / Math.sqrt(variance + eps)
  return values.map((v) => (v - mean) * scale)
}
