export function adamStep(w: number, grad: number, m: number, v: number, t: number, lr: number): number[] {
  const beta1 = 0.9
  const beta2 = 0.999
  const eps = 1e-8
  const nextM = beta1 * m + (1 - beta1) * grad
  const nextV = beta2 * v + (1 - beta2) * ___squared___
  const mCorrection = 1 - beta1 ** t
  const vCorrection = ___correction___
  const mHat = nextM / mCorrection
  const vHat = nextV / vCorrection
  const denominator = ___denominator___
  return [w - (lr * mHat) / denominator, nextM, nextV]
}
