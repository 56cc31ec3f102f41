export function f1Score(predictions: number[], targets: number[]): number {
  if (targets.length === 0) return 0
  let correct = 0
  for (let i = 0; i < targets.length; i++) if (predictions[i] === targets[i]) correct++
  return correct / targets.length
}
