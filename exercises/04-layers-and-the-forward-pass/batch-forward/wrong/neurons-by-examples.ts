// Returns [out, batch] instead of [batch, out].
export function batchForward(inputs: number[][], weights: number[][], bias: number[]): number[][] {
  return weights.map((w, neuron) =>
    inputs.map((x) => {
      let z = bias[neuron]!
      for (let i = 0; i < x.length; i++) z += w[i]! * x[i]!
      return z > 0 ? z : 0.2 * z
    }),
  )
}
