export function batchNorm(batch: number[][], eps: number): number[][] {
  const rows = batch.length
  const features = batch[0]!.length
  const out = batch.map((row) => row.slice())
  for (let j = 0; j < features; j++) {
    let mean = 0
    for (let i = 0; i < rows; i++) mean += batch[i]![j]!
    mean /= rows
    let variance = 0
    for (let i = 0; i < rows; i++) variance += (batch[i]![j]! - mean) ** 2
    variance /= rows
    for (let i = 0; i < rows; i++) out[i]![j] = (batch[i]![j]! - mean) / Math.sqrt(variance + eps)
  }
  return out
}
