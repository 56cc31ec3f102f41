export function causalSelfAttention(x: number[][]): number[][] {
  const d = x[0]?.length ?? 0
  return x.map((query, i) => {
    const scores = x.map((key) => {
      let dot = 0
      for (let c = 0; c < d; c++) dot += query[c]! * key[c]!
      return dot / Math.sqrt(d)
    })
    const top = Math.max(...scores)
    const exps = scores.map((s) => Math.exp(s - top))
    const total = exps.reduce((a, b) => a + b, 0)
    // Masks after the softmax: the visible weights no longer add up to 1.
    const weights = exps.map((e, j) => (j > i ? 0 : e / total))
    const out = new Array<number>(d).fill(0)
    weights.forEach((w, j) => {
      for (let c = 0; c < d; c++) out[c]! += w * x[j]![c]!
    })
    return out
  })
}
