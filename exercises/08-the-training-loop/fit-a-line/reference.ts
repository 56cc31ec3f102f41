export function fitLine(xs: number[], ys: number[], lr: number, steps: number): [number, number] {
  let w = 0
  let b = 0
  const n = xs.length
  for (let step = 0; step < steps; step++) {
    let gradW = 0
    let gradB = 0
    for (let i = 0; i < n; i++) {
      const error = w * xs[i]! + b - ys[i]!
      gradW += (2 * error * xs[i]!) / n
      gradB += (2 * error) / n
    }
    w -= lr * gradW
    b -= lr * gradB
  }
  return [w, b]
}
