export function rnnForward(inputs: number[][], wIh: number[][], wHh: number[][], bias: number[]): number[][] {
  const h = new Array<number>(bias.length).fill(0)
  const states: number[][] = []
  for (const x of inputs) {
    for (let j = 0; j < h.length; j++) {
      let z = bias[j]!
      for (let k = 0; k < x.length; k++) z += wIh[j]![k]! * x[k]!
      for (let m = 0; m < h.length; m++) z += wHh[j]![m]! * h[m]!
      h[j] = Math.tanh(z)
    }
    states.push([...h])
  }
  return states
}
