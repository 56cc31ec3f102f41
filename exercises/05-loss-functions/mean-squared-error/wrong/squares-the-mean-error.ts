export function meanSquaredError(predictions: number[], targets: number[]): number {
  let sumOfErrors = 0
  for (let i = 0; i < predictions.length; i++) {
    sumOfErrors += predictions[i]! - targets[i]!
  }
  const meanError = sumOfErrors / predictions.length
  return meanError * meanError
}
