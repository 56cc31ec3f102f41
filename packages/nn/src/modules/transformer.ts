import type { Tensor } from '@gradschool/tensor'
import { GELU, ReLU } from './activation.js'
import { MultiheadAttention } from './attention.js'
import { Dropout } from './dropout.js'
import { LayerNorm } from './layernorm.js'
import { Linear } from './linear.js'
import { Module } from './module.js'

export interface TransformerEncoderLayerOptions {
  dimFeedforward?: number
  dropout?: number
  activation?: 'relu' | 'gelu'
  layerNormEps?: number
  batchFirst?: boolean
  /** Pre-norm (LayerNorm before each block) instead of PyTorch's default post-norm. */
  normFirst?: boolean
}

export interface EncoderCallOptions {
  srcMask?: Tensor
  srcKeyPaddingMask?: Tensor
}

/**
 * Self-attention then a feed-forward block, each with dropout, a residual connection and
 * LayerNorm: x = norm1(x + sa(x)); x = norm2(x + ff(x)) (post-norm, PyTorch's default).
 */
export class TransformerEncoderLayer extends Module {
  readonly normFirst: boolean
  selfAttn: MultiheadAttention
  linear1: Linear
  dropout: Dropout
  linear2: Linear
  norm1: LayerNorm
  norm2: LayerNorm
  dropout1: Dropout
  dropout2: Dropout
  activation: ReLU | GELU

  constructor(
    readonly dModel: number,
    readonly nhead: number,
    options: TransformerEncoderLayerOptions = {},
  ) {
    super()
    const p = options.dropout ?? 0.1
    const dimFeedforward = options.dimFeedforward ?? 2048
    const eps = options.layerNormEps ?? 1e-5
    this.normFirst = options.normFirst ?? false
    this.selfAttn = new MultiheadAttention(dModel, nhead, {
      dropout: p,
      batchFirst: options.batchFirst ?? false,
    })
    this.linear1 = new Linear(dModel, dimFeedforward)
    this.dropout = new Dropout(p)
    this.linear2 = new Linear(dimFeedforward, dModel)
    this.norm1 = new LayerNorm(dModel, { eps })
    this.norm2 = new LayerNorm(dModel, { eps })
    this.dropout1 = new Dropout(p)
    this.dropout2 = new Dropout(p)
    this.activation = options.activation === 'gelu' ? new GELU() : new ReLU()
  }

  forward(src: Tensor, options: EncoderCallOptions = {}): Tensor {
    const selfAttention = (x: Tensor): Tensor => {
      const [out] = this.selfAttn.forward(x, x, x, {
        attnMask: options.srcMask,
        keyPaddingMask: options.srcKeyPaddingMask,
        needWeights: false,
      })
      return this.dropout1.forward(out)
    }
    const feedForward = (x: Tensor): Tensor =>
      this.dropout2.forward(
        this.linear2.forward(this.dropout.forward(this.activation.forward(this.linear1.forward(x)))),
      )
    let x = src
    if (this.normFirst) {
      x = x.add(selfAttention(this.norm1.forward(x)))
      x = x.add(feedForward(this.norm2.forward(x)))
    } else {
      x = this.norm1.forward(x.add(selfAttention(x)))
      x = this.norm2.forward(x.add(feedForward(x)))
    }
    return x
  }
}
