// biome-ignore lint/correctness/noUnusedFunctionParameters: the mistake under test is ignoring the bias
export function neuron(inputs: number[], weights: number[], bias: number): number {
  let z = 0
  for (let i = 0; i < inputs.length; i++) z += inputs[i]! * weights[i]!
  return 1 / (1 + Math.exp(-z))
}
