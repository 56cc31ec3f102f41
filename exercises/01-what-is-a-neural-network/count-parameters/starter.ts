export function countParameters(layerSizes: number[]): number {
  // Your code here: weights and biases of every layer after the inputs.
  throw new Error('countParameters is not implemented yet')
}
