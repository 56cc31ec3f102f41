export function rnnForward(
  inputs: number[][],
  wIh: number[][],
  _wHh: number[][],
  bias: number[],
): number[][] {
  return inputs.map((x) =>
    bias.map((b, j) => {
      let z = b
      for (let k = 0; k < x.length; k++) z += wIh[j]![k]! * x[k]!
      return Math.tanh(z)
    }),
  )
}
