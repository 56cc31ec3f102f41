// Fused optimizer steps on float32: one pass over a parameter, its gradient and its state.

/**
 * Adam/AdamW in place over n floats (PyTorch's update): with g' = g + coupledDecay·p and
 * p' = shrink·p, m = β₁m + (1 − β₁)g', v = β₂v + (1 − β₂)g'², v̂ = max(vMax, v) when vMax ≠ 0,
 * p = p' − stepSize·m / (√v̂·invSqrtCorrection2 + eps).
 */
export function adamStep(
  p: usize,
  g: usize,
  m: usize,
  v: usize,
  vMax: usize,
  n: i32,
  beta1: f32,
  beta2: f32,
  oneMinusBeta1: f32,
  oneMinusBeta2: f32,
  stepSize: f32,
  invSqrtCorrection2: f32,
  eps: f32,
  shrink: f32,
  coupledDecay: f32,
): void {
  const b1 = f32x4.splat(beta1)
  const b2 = f32x4.splat(beta2)
  // 1 − β arrives computed in double: in float32, 1 − 0.999 would be off by 1e-5 relative.
  const c1 = f32x4.splat(oneMinusBeta1)
  const c2 = f32x4.splat(oneMinusBeta2)
  const step = f32x4.splat(stepSize)
  const inv = f32x4.splat(invSqrtCorrection2)
  const ve = f32x4.splat(eps)
  const vs = f32x4.splat(shrink)
  const vd = f32x4.splat(coupledDecay)
  let i = 0
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2
    const value = f32x4.mul(v128.load(p + o), vs)
    const grad = f32x4.add(v128.load(g + o), f32x4.mul(vd, value))
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m + o)), f32x4.mul(c1, grad))
    let vi = f32x4.add(f32x4.mul(b2, v128.load(v + o)), f32x4.mul(c2, f32x4.mul(grad, grad)))
    v128.store(m + o, mi)
    v128.store(v + o, vi)
    if (vMax != 0) {
      vi = f32x4.max(v128.load(vMax + o), vi)
      v128.store(vMax + o, vi)
    }
    const denominator = f32x4.add(f32x4.mul(f32x4.sqrt(vi), inv), ve)
    v128.store(p + o, f32x4.sub(value, f32x4.div(f32x4.mul(step, mi), denominator)))
  }
  for (; i < n; i++) {
    const o = <usize>i << 2
    const value = load<f32>(p + o) * shrink
    const grad = load<f32>(g + o) + coupledDecay * value
    const mi = beta1 * load<f32>(m + o) + oneMinusBeta1 * grad
    let vi = beta2 * load<f32>(v + o) + oneMinusBeta2 * grad * grad
    store<f32>(m + o, mi)
    store<f32>(v + o, vi)
    if (vMax != 0) {
      vi = max(load<f32>(vMax + o), vi)
      store<f32>(vMax + o, vi)
    }
    store<f32>(p + o, value - (stepSize * mi) / (sqrt(vi) * invSqrtCorrection2 + eps))
  }
}
