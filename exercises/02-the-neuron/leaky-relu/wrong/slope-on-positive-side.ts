export function leakyRelu(values: number[]): number[] {
  return values.map((z) => (z > 0 ? 0.1 * z : z))
}
