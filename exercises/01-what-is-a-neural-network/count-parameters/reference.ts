export function countParameters(layerSizes: number[]): number {
  let total = 0
  for (let i = 1; i < layerSizes.length; i++) {
    const inputs = layerSizes[i - 1]!
    const outputs = layerSizes[i]!
    total += inputs * outputs + outputs
  }
  return total
}
