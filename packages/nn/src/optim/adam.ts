import { adamStep, optimizerState, type Tensor, type TypedArray } from '@gradschool/tensor'
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
  expAvg: TypedArray
  expAvgSq: TypedArray
  maxExpAvgSq: TypedArray | null
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
      expAvg: optimizerState(n, p.dtype),
      expAvgSq: optimizerState(n, p.dtype),
      maxExpAvgSq: this.amsgrad ? optimizerState(n, p.dtype) : null,
    }
  }

  protected update(p: Tensor['data'], grad: Tensor['data'], state: AdamState): void {
    const [beta1, beta2] = this.betas
    const { lr, eps, weightDecay, decoupled } = this
    const hyper = { lr, beta1, beta2, eps, weightDecay, decoupled, step: ++state.step }
    adamStep(p, grad, state.expAvg, state.expAvgSq, state.maxExpAvgSq, hyper)
  }
}

/** Adam with decoupled weight decay (default 0.01), as torch.optim.AdamW. */
export class AdamW extends Adam {
  protected override readonly decoupled: boolean = true

  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, { ...options, weightDecay: options.weightDecay ?? 0.01 })
  }
}
