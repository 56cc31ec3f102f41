export function neuronGradients(
  inputs: number[],
  weights: number[],
  bias: number,
  target: number,
): { weights: number[]; bias: number } {
  let z = bias
  for (let i = 0; i < inputs.length; i++) z += weights[i]! * inputs[i]!
  const p = 1 / (1 + Math.exp(-z))

  const dLossDp = 2 * (p - target)
  const dLossDz = dLossDp * p * (1 - p)
  return { weights: inputs.map((x) => dLossDz * x), bias: dLossDz }
}
