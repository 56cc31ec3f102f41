export function neuron(inputs: number[], weights: number[], bias: number): number {
  // Your code here: the weighted sum of the inputs, plus the bias, through the sigmoid.
  throw new Error('neuron is not implemented yet')
}
