export function rnnForward(inputs: number[][], wIh: number[][], wHh: number[][], bias: number[]): number[][] {
  // Start from a hidden state of bias.length zeros, update it once per input, and collect every new state.
  throw new Error('rnnForward is not implemented yet')
}
