/** Special functions the kernels need that `Math` lacks. Accurate to float64 round-off. */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI)

/** Error function: Taylor series near 0, continued fraction for erfc in the tails. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  const ax = Math.abs(x)
  if (ax > 6) return Math.sign(x)
  if (ax < 2.5) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    const x2 = x * x
    let term = x
    let sum = x
    for (let n = 1; n < 80; n++) {
      term *= -x2 / n
      const add = term / (2 * n + 1)
      sum += add
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break
    }
    return TWO_OVER_SQRT_PI * sum
  }
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  let f = 0
  for (let n = 60; n >= 1; n--) f = n / 2 / (ax + f)
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f)
  return x > 0 ? 1 - erfc : erfc - 1
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)
}

/** Standard normal cumulative distribution. */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2))
}
