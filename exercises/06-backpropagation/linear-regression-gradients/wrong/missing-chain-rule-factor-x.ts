export function mseGradients(xs: number[], ys: number[], w: number, b: number): { w: number; b: number } {
  let gradW = 0
  let gradB = 0
  for (let i = 0; i < xs.length; i++) {
    const error = w * xs[i]! + b - ys[i]!
    gradW += 2 * error
    gradB += 2 * error
  }
  return { w: gradW / xs.length, b: gradB / xs.length }
}
