import type { Tensor } from '@gradschool/tensor'
import { checkBeta, checkNonNegative, Optimizer } from './optimizer.js'

export interface AdamOptions {
  lr?: number
  betas?: readonly [number, number]
  eps?: number
  weightDecay?: number
  /** Use the running maximum of the second moment (AMSGrad). */
  amsgrad?: boolean
}

interface AdamState {
  step: number
  expAvg: Float64Array
  expAvgSq: Float64Array
  maxExpAvgSq: Float64Array | null
}

/**
 * Adam as PyTorch: m = β₁m + (1 − β₁)g, v = β₂v + (1 − β₂)g²,
 * p −= lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + eps).
 * Adam's weightDecay is L2 (added to g); AdamW decays the weights directly.
 */
export class Adam extends Optimizer<AdamState> {
  betas: [number, number]
  eps: number
  weightDecay: number
  amsgrad: boolean
  /** AdamW: decoupled decay p −= lr·weightDecay·p instead of adding weightDecay·p to g. */
  protected readonly decoupled: boolean = false

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options.lr ?? 1e-3)
    const name = this.constructor.name
    this.betas = [...(options.betas ?? [0.9, 0.999])]
    checkBeta(name, 'betas[0]', this.betas[0])
    checkBeta(name, 'betas[1]', this.betas[1])
    this.eps = options.eps ?? 1e-8
    this.weightDecay = options.weightDecay ?? 0
    checkNonNegative(name, 'eps', this.eps)
    checkNonNegative(name, 'weightDecay', this.weightDecay)
    this.amsgrad = options.amsgrad ?? false
  }

  protected initState(p: Tensor): AdamState {
    const n = p.numel()
    return {
      step: 0,
      expAvg: new Float64Array(n),
      expAvgSq: new Float64Array(n),
      maxExpAvgSq: this.amsgrad ? new Float64Array(n) : null,
    }
  }

  protected update(p: Tensor['data'], grad: Tensor['data'], state: AdamState): void {
    const { lr, eps, weightDecay } = this
    const [beta1, beta2] = this.betas
    const t = ++state.step
    const stepSize = lr / (1 - beta1 ** t)
    const invSqrtCorrection2 = 1 / Math.sqrt(1 - beta2 ** t)
    const { expAvg: m, expAvgSq: v, maxExpAvgSq: vMax } = state
    const oneMinusBeta1 = 1 - beta1
    const oneMinusBeta2 = 1 - beta2
    const n = p.length
    if (!vMax && weightDecay === 0) {
      // The common case, kept free of branches and decay terms: it runs once per parameter per step.
      for (let i = 0; i < n; i++) {
        const g = grad[i]!
        const mi = beta1 * m[i]! + oneMinusBeta1 * g
        const vi = beta2 * v[i]! + oneMinusBeta2 * g * g
        m[i] = mi
        v[i] = vi
        p[i] = p[i]! - (stepSize * mi) / (Math.sqrt(vi) * invSqrtCorrection2 + eps)
      }
      return
    }
    const coupledDecay = this.decoupled ? 0 : weightDecay
    const shrink = this.decoupled ? 1 - lr * weightDecay : 1
    for (let i = 0; i < n; i++) {
      const value = p[i]! * shrink
      const g = grad[i]! + coupledDecay * value
      const mi = (m[i] = beta1 * m[i]! + oneMinusBeta1 * g)
      let vi = (v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g)
      if (vMax) vi = vMax[i] = Math.max(vMax[i]!, vi)
      p[i] = value - (stepSize * mi) / (Math.sqrt(vi) * invSqrtCorrection2 + eps)
    }
  }
}

/** Adam with decoupled weight decay (default 0.01), as torch.optim.AdamW. */
export class AdamW extends Adam {
  protected override readonly decoupled: boolean = true

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, { ...options, weightDecay: options.weightDecay ?? 0.01 })
  }
}
