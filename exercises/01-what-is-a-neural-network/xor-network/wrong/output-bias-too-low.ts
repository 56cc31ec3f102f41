const step = (z: number): number => (z > 0 ? 1 : 0)

export function xorNetwork(a: number, b: number): number {
  const either = step(a + b - 0.5)
  const both = step(a + b - 1.5)
  return step(either - both + 0.5)
}
