export function softmax(logits: number[]): number[] {
  // Your code here: scale by the temperature, subtract the maximum, exponentiate, normalise.
  throw new Error('softmax is not implemented yet')
}
