export function descend(start: number, lr: number, steps: number): number[] {
  const path: number[] = []
  let w = start
  for (let step = 0; step < steps; step++) {
    const gradient = 2 * (w - 5)
    w -= lr * gradient
    path.push(w)
  }
  return path
}
