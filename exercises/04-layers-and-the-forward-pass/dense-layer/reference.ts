export function denseLayer(weights: number[][], bias: number[], input: number[]): number[] {
  return weights.map((row, j) => {
    let z = bias[j]!
    for (let i = 0; i < input.length; i++) z += row[i]! * input[i]!
    return z
  })
}
