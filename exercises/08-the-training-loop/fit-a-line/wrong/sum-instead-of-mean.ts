export function fitLine(xs: number[], ys: number[], lr: number, steps: number): [number, number] {
  let w = 0
  let b = 0
  for (let step = 0; step < steps; step++) {
    let gradW = 0
    let gradB = 0
    for (let i = 0; i < xs.length; i++) {
      const error = w * xs[i]! + b - ys[i]!
      gradW += 2 * error * xs[i]!
      gradB += 2 * error
    }
    w -= lr * gradW
    b -= lr * gradB
  }
  return [w, b]
}
