export function leakyRelu(values: number[]): number[] {
  return values.map((z) => Math.max(0, z))
}
