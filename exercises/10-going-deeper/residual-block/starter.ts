export function residualBlock(x: number[], weights: number[][], bias: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < x.length; i++) {
    let z = bias[i]!
    for (let j = 0; j < x.length; j++) z += weights[j]![i]! * x[j]!
    out.push(x[i]! + Math.max(0, z))
  }
  return out
}
