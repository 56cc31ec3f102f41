export function normalizedAdjacency(numNodes: number, edges: [number, number][]): number[][] {
  // A + I, then each entry divided by √(degree of its row · degree of its column).
  throw new Error('normalizedAdjacency is not implemented yet')
}
