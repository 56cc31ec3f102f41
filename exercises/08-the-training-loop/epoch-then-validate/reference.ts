/** The indices 0 … n−1 in a fixed pseudo-random order that depends on the epoch. */
function shuffledIndices(n: number, epoch: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  let state = (epoch + 1) * 2654435761
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const j = state % (i + 1)
    const swap = order[i]!
    order[i] = order[j]!
    order[j] = swap
  }
  return order
}

function chunk(order: number[], size: number): number[][] {
  const batches: number[][] = []
  for (let start = 0; start < order.length; start += size) batches.push(order.slice(start, start + size))
  return batches
}

/** One gradient-descent step on the mean squared error of the batch's points. */
function step(
  w: number,
  b: number,
  batch: number[],
  xs: number[],
  ys: number[],
  lr: number,
): [number, number] {
  let gradW = 0
  let gradB = 0
  for (const i of batch) {
    const error = w * xs[i]! + b - ys[i]!
    gradW += (2 * error * xs[i]!) / batch.length
    gradB += (2 * error) / batch.length
  }
  return [w - lr * gradW, b - lr * gradB]
}

function meanSquaredError(w: number, b: number, xs: number[], ys: number[]): number {
  let total = 0
  for (let i = 0; i < xs.length; i++) total += (w * xs[i]! + b - ys[i]!) ** 2
  return total / xs.length
}

export function trainWithValidation(
  xs: number[],
  ys: number[],
  valXs: number[],
  valYs: number[],
  epochs: number,
  batchSize: number,
  lr: number,
): number[] {
  let w = 0
  let b = 0
  const history: number[] = []
  for (let epoch = 0; epoch < epochs; epoch++) {
    // reorder:start
    const order = shuffledIndices(xs.length, epoch)
    const batches = chunk(order, batchSize)
    for (const batch of batches) [w, b] = step(w, b, batch, xs, ys, lr)
    const validationLoss = meanSquaredError(w, b, valXs, valYs)
    history.push(validationLoss)
    // reorder:end
  }
  return history
}
