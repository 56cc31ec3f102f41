export function batchCrossEntropy(probabilities: number[][], targets: number[]): number {
  // reorder:start
  let total = 0
  for (let i = 0; i < targets.length; i++) {
    const p = probabilities[i]![targets[i]!]!
    total -= Math.log(p)
  }
  return total / targets.length
  // reorder:end
}
