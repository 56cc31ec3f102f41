import type { Tensor } from '@gradschool/tensor'
import { checkBeta, checkNonNegative, Optimizer } from './optimizer.js'

export interface RMSpropOptions {
  lr?: number
  alpha?: number
  eps?: number
  weightDecay?: number
  momentum?: number
  /** Normalise by an estimate of the gradient's variance instead of its second moment. */
  centered?: boolean
}

interface RMSpropState {
  squareAvg: Float64Array
  gradAvg: Float64Array | null
  momentumBuffer: Float64Array | null
}

/**
 * RMSprop as PyTorch: s = α·s + (1 − α)·g², avg = √s + eps (√(s − ḡ²) + eps when centered,
 * with ḡ = α·ḡ + (1 − α)·g); then p −= lr·g/avg, or with momentum b = momentum·b + g/avg and
 * p −= lr·b.
 */
export class RMSprop extends Optimizer<RMSpropState> {
  alpha: number
  eps: number
  weightDecay: number
  momentum: number
  centered: boolean

  constructor(params: Iterable<Tensor>, options: RMSpropOptions = {}) {
    super(params, options.lr ?? 1e-2)
    this.alpha = options.alpha ?? 0.99
    this.eps = options.eps ?? 1e-8
    this.weightDecay = options.weightDecay ?? 0
    this.momentum = options.momentum ?? 0
    this.centered = options.centered ?? false
    checkBeta('RMSprop', 'alpha', this.alpha)
    checkNonNegative('RMSprop', 'eps', this.eps)
    checkNonNegative('RMSprop', 'weightDecay', this.weightDecay)
    checkNonNegative('RMSprop', 'momentum', this.momentum)
  }

  protected initState(p: Tensor): RMSpropState {
    const n = p.numel()
    return {
      squareAvg: new Float64Array(n),
      gradAvg: this.centered ? new Float64Array(n) : null,
      momentumBuffer: this.momentum > 0 ? new Float64Array(n) : null,
    }
  }

  protected update(p: Tensor['data'], grad: Tensor['data'], state: RMSpropState): void {
    const { lr, alpha, eps, weightDecay, momentum } = this
    const { squareAvg: s, gradAvg: gAvg, momentumBuffer: buf } = state
    for (let i = 0; i < p.length; i++) {
      const g = grad[i]! + weightDecay * p[i]!
      const si = (s[i] = alpha * s[i]! + (1 - alpha) * g * g)
      let variance = si
      if (gAvg) {
        const gi = (gAvg[i] = alpha * gAvg[i]! + (1 - alpha) * g)
        variance = si - gi * gi
      }
      const avg = Math.sqrt(variance) + eps
      if (buf) {
        const b = (buf[i] = momentum * buf[i]! + g / avg)
        p[i]! -= lr * b
      } else p[i]! -= (lr * g) / avg
    }
  }
}
