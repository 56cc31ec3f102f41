export function denseLayer(weights: number[][], bias: number[], input: number[]): number[] {
  return weights.map((_, j) => {
    let z = bias[j]!
    for (let i = 0; i < input.length; i++) z += weights[i]![j]! * input[i]!
    return z
  })
}
