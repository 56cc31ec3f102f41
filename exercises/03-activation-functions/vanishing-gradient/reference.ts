export function sigmoidStackGradient(z: number, depth: number): number {
  let x = z
  let gradient = 1
  // reorder:start
  for (let layer = 0; layer < depth; layer++) {
    x = 1 / (1 + Math.exp(-x))
    gradient *= x * (1 - x)
  }
  return gradient
  // reorder:end
}
