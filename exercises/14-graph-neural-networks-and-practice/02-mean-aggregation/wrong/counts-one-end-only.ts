export function meanAggregate(features: number[][], edges: [number, number][]): number[][] {
  // Every node starts with its own vector and a count of 1 (itself).
  const sums = features.map((row) => [...row])
  const counts = features.map(() => 1)
  for (const [u, v] of edges) {
    for (let c = 0; c < features[u]!.length; c++) {
      sums[v]![c]! += features[u]![c]!
      sums[u]![c]! += features[v]![c]!
    }
    counts[v]!++
  }
  return sums.map((row, node) => row.map((value) => value / counts[node]!))
}
