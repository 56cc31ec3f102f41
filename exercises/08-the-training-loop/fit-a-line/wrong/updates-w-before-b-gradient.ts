export function fitLine(xs: number[], ys: number[], lr: number, steps: number): [number, number] {
  let w = 0
  let b = 0
  const n = xs.length
  for (let step = 0; step < steps; step++) {
    let gradW = 0
    for (let i = 0; i < n; i++) gradW += (2 * (w * xs[i]! + b - ys[i]!) * xs[i]!) / n
    w -= lr * gradW
    let gradB = 0
    for (let i = 0; i < n; i++) gradB += (2 * (w * xs[i]! + b - ys[i]!)) / n
    b -= lr * gradB
  }
  return [w, b]
}
