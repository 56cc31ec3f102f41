export function binaryCrossEntropy(probabilities: number[], labels: number[]): number {
  let total = 0
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!
    const y = labels[i]!
    total += -(y * Math.log(p) + (1 - y) * Math.log(1 - p))
  }
  return total
}
