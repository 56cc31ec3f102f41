export function meanSquaredError(predictions: number[], targets: number[]): number {
  let sumOfSquares = 0
  for (let i = 0; i < predictions.length; i++) {
    const error = predictions[i]! - targets[i]!
    sumOfSquares += Math.abs(error)
  }
  return sumOfSquares / predictions.length
}
