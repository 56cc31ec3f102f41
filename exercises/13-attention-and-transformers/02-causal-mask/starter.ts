export function causalSelfAttention(x: number[][]): number[][] {
  const d = x[0]?.length ?? 0
  return x.map((query, i) => {
    const scores = x.map((key, j) => {
      if (j < i) return Number.NEGATIVE_INFINITY // the future is hidden
      let dot = 0
      for (let c = 0; c < d; c++) dot += query[c]! * key[c]!
      return dot / Math.sqrt(d)
    })
    const top = Math.max(...scores)
    const weights = scores.map((s) => Math.exp(s - top))
    const total = weights.reduce((a, b) => a + b, 0)
    const out = new Array<number>(d).fill(0)
    weights.forEach((w, j) => {
      for (let c = 0; c < d; c++) out[c]! += (w / total) * x[j]![c]!
    })
    return out
  })
}
