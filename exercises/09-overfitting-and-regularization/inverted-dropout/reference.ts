export function dropoutForward(values: number[], randoms: number[], p: number): number[] {
  // reorder:start
  const keep = 1 - p
  const scale = 1 / keep
  const mask = randoms.map((r) => (r < keep ? scale : 0))
  const output = values.map((v, i) => v * mask[i]!)
  return output
  // reorder:end
}
