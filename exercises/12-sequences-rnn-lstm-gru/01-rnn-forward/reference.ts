export function rnnForward(inputs: number[][], wIh: number[][], wHh: number[][], bias: number[]): number[][] {
  const hiddenSize = bias.length
  let h = new Array<number>(hiddenSize).fill(0)
  const states: number[][] = []
  for (const x of inputs) {
    const next: number[] = []
    for (let j = 0; j < hiddenSize; j++) {
      let z = bias[j]!
      for (let k = 0; k < x.length; k++) z += wIh[j]![k]! * x[k]!
      for (let m = 0; m < hiddenSize; m++) z += wHh[j]![m]! * h[m]!
      next.push(Math.tanh(z))
    }
    h = next
    states.push(next)
  }
  return states
}
