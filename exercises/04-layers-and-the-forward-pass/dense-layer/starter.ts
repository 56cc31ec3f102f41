export function denseLayer(weights: number[][], bias: number[], input: number[]): number[] {
  // Your code here: one weighted sum plus bias per row of weights.
  throw new Error('denseLayer is not implemented yet')
}
