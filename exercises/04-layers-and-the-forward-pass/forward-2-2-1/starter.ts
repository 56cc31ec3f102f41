const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

export function forward(x: number[], w1: number[][], b1: number[], w2: number[], b2: number): number {
  const hidden = w1.map((row, j) => sigmoid(row[0]! * x[0]! + row[1]! * x[1]! + ___hiddenBias___))
  const z = w2[0]! * ___source___[0]! + w2[1]! * ___source___[1]! + b2
  return ___output___
}
