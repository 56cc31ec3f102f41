export function countParameters(layerSizes: number[]): number {
  let total = 0
  for (let i = 1; i < layerSizes.length; i++) total += layerSizes[i - 1]! * layerSizes[i]!
  for (const size of layerSizes) total += size
  return total
}
