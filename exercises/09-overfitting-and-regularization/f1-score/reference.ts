export function f1Score(predictions: number[], targets: number[]): number {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  for (let i = 0; i < targets.length; i++) {
    if (predictions[i] === 1 && targets[i] === 1) truePositives++
    else if (predictions[i] === 1) falsePositives++
    else if (targets[i] === 1) falseNegatives++
  }
  if (truePositives === 0) return 0
  const precision = truePositives / (truePositives + falsePositives)
  const recall = truePositives / (truePositives + falseNegatives)
  return (2 * precision * recall) / (precision + recall)
}
