const predictions = [2.5, 0.0, 2.0, 8.0]
const targets = [3.0, -0.5, 2.0, 7.0]

let sumOfSquares = 0
for (let i = 0; i < predictions.length; i++) {
  const error = predictions[i]! - targets[i]!
  sumOfSquares += error * error
  console.log(`error ${error.toFixed(2)}  squared ${(error * error).toFixed(2)}`)
}
const mse = sumOfSquares / predictions.length
console.log(`MSE ${mse.toFixed(4)}`)
