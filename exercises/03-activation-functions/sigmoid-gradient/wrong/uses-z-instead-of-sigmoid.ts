const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

export function sigmoidGradients(values: number[]): number[] {
  return values.map((z) => {
    // biome-ignore lint/correctness/noUnusedVariables: the mistake under test is using z instead of s
    const s = sigmoid(z)
    return 2 * z * (1 - z)
  })
}
