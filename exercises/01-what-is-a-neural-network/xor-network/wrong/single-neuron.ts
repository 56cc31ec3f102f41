const step = (z: number): number => (z > 0 ? 1 : 0)

// One neuron only: this is OR, not XOR.
export function xorNetwork(a: number, b: number): number {
  return step(a + b - 0.5)
}
