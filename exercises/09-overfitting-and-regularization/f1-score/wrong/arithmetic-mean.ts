export function f1Score(predictions: number[], targets: number[]): number {
  let tp = 0
  let fp = 0
  let fn = 0
  for (let i = 0; i < targets.length; i++) {
    if (predictions[i] === 1 && targets[i] === 1) tp++
    else if (predictions[i] === 1) fp++
    else if (targets[i] === 1) fn++
  }
  if (tp === 0) return 0
  const precision = tp / (tp + fp)
  const recall = tp / (tp + fn)
  return (precision + recall) / 2
}
