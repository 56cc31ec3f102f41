export function miniBatchEpoch(
  xs: number[],
  ys: number[],
  w: number,
  b: number,
  lr: number,
  batchSize: number,
): [number, number] {
  const batches = ___batches___
  for (let batch = 0; batch < batches; batch++) {
    const start = batch * batchSize
    const end = ___end___
    let gradW = 0
    let gradB = 0
    for (let i = start; i < end; i++) {
      const error = w * xs[i]! + b - ys[i]!
      gradW += 2 * error * xs[i]!
      gradB += 2 * error
    }
    const count = ___count___
    w -= (lr * gradW) / count
    b -= (lr * gradB) / count
  }
  return [w, b]
}
