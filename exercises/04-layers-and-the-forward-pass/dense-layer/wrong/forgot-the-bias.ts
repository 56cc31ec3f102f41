// biome-ignore lint/correctness/noUnusedFunctionParameters: the mistake under test is ignoring the bias
export function denseLayer(weights: number[][], bias: number[], input: number[]): number[] {
  return weights.map((row) => row.reduce((sum, w, i) => sum + w * input[i]!, 0))
}
