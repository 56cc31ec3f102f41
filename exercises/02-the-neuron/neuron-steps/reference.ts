export function neuronOutput(inputs: number[], weights: number[], bias: number): number {
  // reorder:start
  let z = bias
  for (let i = 0; i < inputs.length; i++) {
    z += inputs[i]! * weights[i]!
  }
  const activation = 1 / (1 + Math.exp(-z))
  return activation
  // reorder:end
}
