export function perceptron(inputs: number[], weights: number[], bias: number): number {
  let z = ___start___
  for (let i = 0; i < inputs.length; i++) {
    z += ___term___
  }
  return z > 0 ? 1 : 0
}
