export function batchNorm(batch: number[][], eps: number): number[][] {
  const rows = batch.length
  const features = batch[0]!.length
  const out = batch.map((row) => row.slice())
  for (let j = 0; j < features; j++) {
    let mean = 0
    for (let i = 0; i < rows; i++) mean += ___entry___
    mean /= ___count___
    let variance = 0
    for (let i = 0; i < rows; i++) variance += (___entry___ - mean) ** 2
    variance /= ___count___
    for (let i = 0; i < rows; i++) out[i]![j] = (___entry___ - mean) / Math.sqrt(variance + eps)
  }
  return out
}
