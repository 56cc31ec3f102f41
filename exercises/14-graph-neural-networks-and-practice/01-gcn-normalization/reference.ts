export function normalizedAdjacency(numNodes: number, edges: [number, number][]): number[][] {
  const a = Array.from({ length: numNodes }, (_, i) =>
    Array.from({ length: numNodes }, (_, j) => (i === j ? 1 : 0)),
  )
  for (const [u, v] of edges) {
    a[u]![v] = 1
    a[v]![u] = 1
  }
  const degree = a.map((row) => row.reduce((sum, value) => sum + value, 0))
  return a.map((row, i) => row.map((value, j) => value / Math.sqrt(degree[i]! * degree[j]!)))
}
