export function miniBatchEpoch(
  xs: number[],
  ys: number[],
  w: number,
  b: number,
  lr: number,
  batchSize: number,
): [number, number] {
  const batches = Math.ceil(xs.length / batchSize)
  for (let batch = 0; batch < batches; batch++) {
    const start = batch * batchSize
    const end = Math.min(start + batchSize, xs.length)
    let gradW = 0
    let gradB = 0
    for (let i = start; i < end; i++) {
      const error = w * xs[i]! + b - ys[i]!
      gradW += 2 * error * xs[i]!
      gradB += 2 * error
    }
    const count = end - start
    w -= (lr * gradW) / count
    b -= (lr * gradB) / count
  }
  return [w, b]
}
