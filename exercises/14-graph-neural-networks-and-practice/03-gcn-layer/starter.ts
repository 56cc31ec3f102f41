export function gcnLayer(features: number[][], edges: [number, number][], weight: number[][]): number[][] {
  const degree = features.map(() => ___selfLoop___)
  for (const [u, v] of edges) {
    degree[u]!++
    degree[v]!++
  }
  // H · W: every node's features through the same weight.
  const transformed = features.map((row) =>
    weight[0]!.map((_, c) => row.reduce((sum, x, k) => sum + x * weight[k]![c]!, 0)),
  )
  // The self-loop: entry (i, i) of Â is 1 / √(dᵢ · dᵢ) = 1 / dᵢ.
  const out = transformed.map((row, node) => row.map((value) => value / degree[node]!))
  for (const [u, v] of edges) {
    const coefficient = ___norm___
    for (let c = 0; c < out[u]!.length; c++) {
      out[u]![c]! += coefficient * transformed[v]![c]!
      out[v]![c]! += coefficient * transformed[u]![c]!
    }
  }
  return out.map((row) => row.map(___activation___))
}
