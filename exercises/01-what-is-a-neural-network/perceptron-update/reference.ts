/** One step of the perceptron learning rule: the new weights, then the new bias. */
export function perceptronUpdate(
  weights: number[],
  bias: number,
  inputs: number[],
  target: number,
  learningRate: number,
): number[] {
  let z = bias
  for (let i = 0; i < inputs.length; i++) z += weights[i]! * inputs[i]!
  const prediction = z > 0 ? 1 : 0
  const error = target - prediction
  const newWeights = weights.map((w, i) => w + learningRate * error * inputs[i]!)
  const newBias = bias + learningRate * error
  return [...newWeights, newBias]
}
