import { type Tensor, TensorError } from '@gradschool/tensor'

/**
 * Base of every optimizer. It holds one list of parameters and one learning rate `lr`
 * (PyTorch's param groups are left out: change `lr` directly or through a scheduler), and
 * keeps its per-parameter state (momentum buffers, moments) in `state`, keyed by parameter.
 * Updates run as plain loops over `.data`: no graph, no temporary tensors.
 */
export abstract class Optimizer<S = unknown> {
  readonly params: Tensor[]
  lr: number
  readonly state = new Map<Tensor, S>()

  constructor(params: Iterable<Tensor>, lr: number) {
    const name = this.constructor.name
    this.params = [...new Set(params)]
    if (this.params.length === 0)
      throw new TensorError(name, 'got an empty parameter list; pass model.parameters()')
    this.params.forEach((p, i) => {
      if (!p.requiresGrad) {
        throw new TensorError(
          name,
          `parameter ${i} (shape [${p.shape.join(',')}]) does not require grad, so it can never be updated`,
        )
      }
    })
    checkNonNegative(name, 'lr', lr)
    this.lr = lr
  }

  /** Forgets every parameter's gradient (sets `.grad` to null, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null
  }

  /** Applies one update to every parameter that has a gradient. */
  step(): void {
    for (const p of this.params) {
      if (p.grad === null) continue
      let s = this.state.get(p)
      if (s === undefined) {
        s = this.initState(p)
        this.state.set(p, s)
      }
      this.update(p.data, p.grad.data, s)
    }
  }

  protected abstract initState(p: Tensor): S

  /** Updates one parameter's values in place from its gradient. */
  protected abstract update(param: Tensor['data'], grad: Tensor['data'], state: S): void
}

export function checkNonNegative(optimizer: string, name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value))
    throw new TensorError(optimizer, `${name} must be a non-negative number, got ${value}`)
}

export function checkBeta(optimizer: string, name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new TensorError(optimizer, `${name} must be in [0, 1), got ${value}`)
}
