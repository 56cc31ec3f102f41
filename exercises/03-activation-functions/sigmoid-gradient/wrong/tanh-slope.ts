const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

// 1 − s² is the slope of tanh, written with the sigmoid by mistake.
export function sigmoidGradients(values: number[]): number[] {
  return values.map((z) => {
    const s = sigmoid(z)
    return 2 * (1 - s * s)
  })
}
