import { ones, type Tensor, TensorError, zeros } from '@gradschool/tensor'
import { fmtShape } from './checks.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

export interface LayerNormOptions {
  eps?: number
  elementwiseAffine?: boolean
}

/** Normalises over the trailing `normalizedShape` dims of each sample (biased variance). */
export class LayerNorm extends Module {
  readonly normalizedShape: number[]
  readonly eps: number
  weight: Parameter | null
  bias: Parameter | null

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super()
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape]
    this.eps = options.eps ?? 1e-5
    const affine = options.elementwiseAffine ?? true
    this.weight = affine ? new Parameter(ones(this.normalizedShape)) : null
    this.bias = affine ? new Parameter(zeros(this.normalizedShape)) : null
  }

  forward(x: Tensor): Tensor {
    const k = this.normalizedShape.length
    const tail = x.shape.slice(x.ndim - k)
    if (x.ndim < k || tail.some((d, i) => d !== this.normalizedShape[i])) {
      throw new TensorError(
        `LayerNorm(${fmtShape(this.normalizedShape)})`,
        `expected input whose last dims are ${fmtShape(this.normalizedShape)}, got ${fmtShape(x.shape)}`,
      )
    }
    const dims = Array.from({ length: k }, (_, i) => x.ndim - k + i)
    const mean = x.mean(dims, true)
    const variance = x.var(dims, true, false)
    let y = x.sub(mean).div(variance.add(this.eps).sqrt())
    if (this.weight) y = y.mul(this.weight)
    if (this.bias) y = y.add(this.bias)
    return y
  }
}
