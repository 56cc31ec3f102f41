/** Mean over examples start … end − 1 of d/dw (w·x − y)² = 2·(w·x − y)·x. */
function batchGradient(xs: number[], ys: number[], w: number, start: number, end: number): number {
  let sum = 0
  for (let i = start; i < end; i++) sum += 2 * (w * xs[i]! - ys[i]!) * xs[i]!
  return sum / (end - start)
}

export function miniBatchEpoch(
  xs: number[],
  ys: number[],
  w: number,
  lr: number,
  batchSize: number,
): number[] {
  // reorder:start
  const trajectory: number[] = []
  for (let start = 0; start < xs.length; start += batchSize) {
    const end = Math.min(start + batchSize, xs.length)
    const gradient = batchGradient(xs, ys, w, start, end)
    w -= lr * gradient
    trajectory.push(w)
  }
  return trajectory
  // reorder:end
}
