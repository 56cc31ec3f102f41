import { type Tensor, TensorError } from '@gradschool/tensor'
import { checkNonNegative, Optimizer } from './optimizer.js'

export interface SGDOptions {
  lr?: number
  momentum?: number
  dampening?: number
  nesterov?: boolean
  weightDecay?: number
}

interface SGDState {
  /** Null until the first step with momentum. */
  momentumBuffer: Float64Array | null
}

/**
 * Stochastic gradient descent as PyTorch: g = grad + weightDecay·p; with momentum,
 * b = g on the first step, then b = momentum·b + (1 − dampening)·g, and the step uses b
 * (or g + momentum·b with nesterov); p −= lr·step.
 */
export class SGD extends Optimizer<SGDState> {
  momentum: number
  dampening: number
  nesterov: boolean
  weightDecay: number

  constructor(params: Iterable<Tensor>, options: SGDOptions = {}) {
    super(params, options.lr ?? 1e-3)
    this.momentum = options.momentum ?? 0
    this.dampening = options.dampening ?? 0
    this.nesterov = options.nesterov ?? false
    this.weightDecay = options.weightDecay ?? 0
    checkNonNegative('SGD', 'momentum', this.momentum)
    checkNonNegative('SGD', 'weightDecay', this.weightDecay)
    if (this.nesterov && (this.momentum <= 0 || this.dampening !== 0)) {
      throw new TensorError('SGD', 'nesterov momentum needs momentum > 0 and dampening = 0')
    }
  }

  protected initState(): SGDState {
    return { momentumBuffer: null }
  }

  protected update(p: Tensor['data'], grad: Tensor['data'], state: SGDState): void {
    const { lr, momentum, dampening, nesterov, weightDecay } = this
    if (momentum === 0) {
      for (let i = 0; i < p.length; i++) p[i]! -= lr * (grad[i]! + weightDecay * p[i]!)
      return
    }
    const first = state.momentumBuffer === null
    const buf = (state.momentumBuffer ??= new Float64Array(p.length))
    for (let i = 0; i < p.length; i++) {
      const g = grad[i]! + weightDecay * p[i]!
      const b = first ? g : momentum * buf[i]! + (1 - dampening) * g
      buf[i] = b
      p[i]! -= lr * (nesterov ? g + momentum * b : b)
    }
  }
}
