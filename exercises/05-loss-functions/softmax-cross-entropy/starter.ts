export function softmaxCrossEntropy(scores: number[], target: number): number {
  const max = Math.max(...scores)
  let sumOfExps = 0
  for (const s of scores) sumOfExps += Math.exp(___shifted___)
  const logSumExp = max + Math.log(sumOfExps)
  return ___loss___
}
