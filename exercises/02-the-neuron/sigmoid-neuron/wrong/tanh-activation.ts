export function neuron(inputs: number[], weights: number[], bias: number): number {
  let z = bias
  for (let i = 0; i < inputs.length; i++) z += inputs[i]! * weights[i]!
  return Math.tanh(z)
}
