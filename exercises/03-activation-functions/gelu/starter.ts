export function gelu(z: number): number {
  const cubic = ___cubic___
  const inner = Math.sqrt(2 / Math.PI) * cubic
  return ___result___
}
