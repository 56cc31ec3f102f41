export function maxPool(map: number[][]): number[][] {
  const size = 2
  const outHeight = Math.floor(map.length / size)
  const outWidth = Math.floor((map[0]?.length ?? 0) / size)
  const out: number[][] = []
  for (let r = 0; r < outHeight; r++) {
    const row: number[] = []
    for (let c = 0; c < outWidth; c++) {
      let best = 0
      for (let u = 0; u < size; u++) {
        for (let v = 0; v < size; v++) best = Math.max(best, Math.abs(map[r * size + u]![c * size + v]!))
      }
      row.push(best)
    }
    out.push(row)
  }
  return out
}
