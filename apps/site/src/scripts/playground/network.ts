/**
 * The playground's model: a stack of nn.Linear layers with one activation, trained with SGD
 * (L2 as weight decay) on binary cross-entropy. The forward pass can keep every hidden layer,
 * so each neuron's own heat map comes from the same batched pass as the decision boundary.
 */
import { bceWithLogitsLoss, Linear, SGD } from '@gradschool/nn'
import { manualSeed, noGrad, type Tensor } from '@gradschool/tensor'

export const ACTIVATIONS = {
  tanh: (x: Tensor) => x.tanh(),
  relu: (x: Tensor) => x.relu(),
  sigmoid: (x: Tensor) => x.sigmoid(),
  leakyRelu: (x: Tensor) => x.leakyRelu(0.1),
  gelu: (x: Tensor) => x.gelu(),
} as const

export type ActivationName = keyof typeof ACTIVATIONS

export interface NetworkOptions {
  hidden: number[]
  activation: ActivationName
  learningRate: number
  l2: number
  seed: number
}

export class Network {
  readonly layers: Linear[]
  private readonly optimizer: SGD
  private readonly activate: (x: Tensor) => Tensor

  constructor(readonly options: NetworkOptions) {
    manualSeed(options.seed)
    const sizes = [2, ...options.hidden, 1]
    this.layers = sizes.slice(1).map((size, i) => new Linear(sizes[i]!, size))
    this.activate = ACTIVATIONS[options.activation]
    this.optimizer = new SGD(
      this.layers.flatMap((layer) => layer.parameters()),
      { lr: options.learningRate, weightDecay: options.l2 },
    )
  }

  /** Logits [N, 1]; `hidden` collects each hidden layer's activations [N, width]. */
  forward(x: Tensor, hidden?: Tensor[]): Tensor {
    let h = x
    this.layers.forEach((layer, i) => {
      h = layer.forward(h)
      if (i < this.layers.length - 1) {
        h = this.activate(h)
        hidden?.push(h)
      }
    })
    return h
  }

  loss(x: Tensor, y: Tensor): Tensor {
    return bceWithLogitsLoss(this.forward(x), y)
  }

  /** One SGD step on a batch; returns the batch loss. */
  step(x: Tensor, y: Tensor): number {
    this.optimizer.zeroGrad()
    const loss = this.loss(x, y)
    loss.backward()
    this.optimizer.step()
    return loss.item()
  }

  evaluate(x: Tensor, y: Tensor): number {
    return noGrad(() => this.loss(x, y).item())
  }
}
