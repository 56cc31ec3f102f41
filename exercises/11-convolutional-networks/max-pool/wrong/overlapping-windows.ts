export function maxPool(map: number[][]): number[][] {
  const size = 2
  const out: number[][] = []
  for (let r = 0; r + size <= map.length; r++) {
    const row: number[] = []
    for (let c = 0; c + size <= (map[0]?.length ?? 0); c++) {
      let best = Number.NEGATIVE_INFINITY
      for (let u = 0; u < size; u++) for (let v = 0; v < size; v++) best = Math.max(best, map[r + u]![c + v]!)
      row.push(best)
    }
    out.push(row)
  }
  return out
}
