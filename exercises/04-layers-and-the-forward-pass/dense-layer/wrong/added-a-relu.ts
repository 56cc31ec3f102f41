export function denseLayer(weights: number[][], bias: number[], input: number[]): number[] {
  return weights.map((row, j) =>
    Math.max(
      0,
      row.reduce((sum, w, i) => sum + w * input[i]!, bias[j]!),
    ),
  )
}
