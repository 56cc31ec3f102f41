export function occlusionImportance(x: number[], weights: number[], bias: number): number[] {
  const model = (input: number[]) =>
    1 / (1 + Math.exp(-input.reduce((sum, value, i) => sum + value * weights[i]!, bias)))
  const base = model(x)
  const importance: number[] = []
  // reorder:start
  for (let i = 0; i < x.length; i++) {
    const occluded = [...x]
    occluded[i] = 0
    importance.push(base - model(occluded))
  }
  // reorder:end
  return importance
}
