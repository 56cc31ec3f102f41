export function gelu(z: number): number {
  const cubic = z + 0.044715 * z ** 3
  const inner = Math.sqrt(2 / Math.PI) * cubic
  return 0.5 * z * (1 + Math.tanh(inner))
}
