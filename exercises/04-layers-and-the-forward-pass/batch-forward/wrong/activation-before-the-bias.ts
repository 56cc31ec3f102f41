export function batchForward(inputs: number[][], weights: number[][], bias: number[]): number[][] {
  return inputs.map((x) =>
    weights.map((w, neuron) => {
      let z = 0
      for (let i = 0; i < x.length; i++) z += w[i]! * x[i]!
      return (z > 0 ? z : 0.2 * z) + bias[neuron]!
    }),
  )
}
