export function attention(q: number[][], k: number[][], v: number[][]): number[][] {
  const d = q[0]?.length ?? 0
  return q.map((query) => {
    const scores = k.map((key) => {
      let dot = 0
      for (let c = 0; c < d; c++) dot += query[c]! * key[c]!
      return dot / Math.sqrt(d)
    })
    const top = Math.max(...scores)
    const exps = scores.map((s) => Math.exp(s - top))
    const total = exps.reduce((a, b) => a + b, 0)
    const width = v[0]!.length
    const out = new Array<number>(width).fill(0)
    exps.forEach((e, j) => {
      for (let c = 0; c < width; c++) out[c]! += (e / total) * v[j]![c]!
    })
    return out
  })
}
