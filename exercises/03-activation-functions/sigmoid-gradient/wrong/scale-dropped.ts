const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

export function sigmoidGradients(values: number[]): number[] {
  return values.map((z) => {
    const s = sigmoid(z)
    return s * (1 - s)
  })
}
