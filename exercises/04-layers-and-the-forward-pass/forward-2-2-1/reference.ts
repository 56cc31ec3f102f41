const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

export function forward(x: number[], w1: number[][], b1: number[], w2: number[], b2: number): number {
  const hidden = w1.map((row, j) => sigmoid(row[0]! * x[0]! + row[1]! * x[1]! + b1[j]!))
  const z = w2[0]! * hidden[0]! + w2[1]! * hidden[1]! + b2
  return sigmoid(z)
}
