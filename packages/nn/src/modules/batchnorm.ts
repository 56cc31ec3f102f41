import { noGrad, ones, type Tensor, TensorError, zeros } from '@gradschool/tensor'
import { expectPositiveInt, fmtShape } from './checks.js'
import { Module } from './module.js'
import { Buffer, Parameter } from './parameter.js'

export interface BatchNormOptions {
  eps?: number
  /** Weight of the newest batch in the running statistics; null for a cumulative average. */
  momentum?: number | null
  affine?: boolean
  trackRunningStats?: boolean
}

/**
 * Normalises each feature over the batch (and length, for [N,C,L] input). Train mode uses the
 * batch's statistics and updates the running ones (the variance unbiased, as PyTorch does);
 * eval mode uses the running statistics.
 */
export class BatchNorm1d extends Module {
  readonly eps: number
  readonly momentum: number | null
  weight: Parameter | null
  bias: Parameter | null
  runningMean: Buffer | null
  runningVar: Buffer | null
  numBatchesTracked: Buffer | null

  constructor(
    readonly numFeatures: number,
    options: BatchNormOptions = {},
  ) {
    super()
    expectPositiveInt('BatchNorm1d', 'numFeatures', numFeatures)
    this.eps = options.eps ?? 1e-5
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum
    const affine = options.affine ?? true
    this.weight = affine ? new Parameter(ones([numFeatures])) : null
    this.bias = affine ? new Parameter(zeros([numFeatures])) : null
    const track = options.trackRunningStats ?? true
    this.runningMean = track ? new Buffer(zeros([numFeatures])) : null
    this.runningVar = track ? new Buffer(ones([numFeatures])) : null
    this.numBatchesTracked = track ? new Buffer(zeros([1], { dtype: 'int32' })) : null
  }

  forward(x: Tensor): Tensor {
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[1] !== this.numFeatures) {
      throw new TensorError(
        `BatchNorm1d(${this.numFeatures})`,
        `expected input of shape [N,${this.numFeatures}] or [N,${this.numFeatures},L], got ${fmtShape(x.shape)}`,
      )
    }
    const dims = x.ndim === 2 ? [0] : [0, 2]
    const statShape = x.ndim === 2 ? [1, this.numFeatures] : [1, this.numFeatures, 1]
    const useBatchStats = this.training || this.runningMean === null
    let mean: Tensor
    let variance: Tensor
    if (useBatchStats) {
      const count = x.numel() / this.numFeatures
      if (this.training && count <= 1) {
        throw new TensorError(
          'BatchNorm1d',
          `expected more than 1 value per channel in train mode, got input shape ${fmtShape(x.shape)}`,
        )
      }
      mean = x.mean(dims, true)
      variance = x.var(dims, true, false)
      if (this.training) this.updateRunningStats(mean, variance, count)
    } else {
      mean = this.runningMean!.reshape(statShape)
      variance = this.runningVar!.reshape(statShape)
    }
    let y = x.sub(mean).div(variance.add(this.eps).sqrt())
    if (this.weight) y = y.mul(this.weight.reshape(statShape))
    if (this.bias) y = y.add(this.bias.reshape(statShape))
    return y
  }

  private updateRunningStats(mean: Tensor, variance: Tensor, count: number): void {
    const runningMean = this.runningMean
    const runningVar = this.runningVar
    const tracked = this.numBatchesTracked
    if (!runningMean || !runningVar || !tracked) return
    noGrad(() => {
      tracked.data[0]! += 1
      const factor = this.momentum ?? 1 / tracked.data[0]!
      const unbiased = count / (count - 1)
      const rm = runningMean.data
      const rv = runningVar.data
      for (let c = 0; c < rm.length; c++) {
        rm[c] = (1 - factor) * rm[c]! + factor * mean.data[c]!
        rv[c] = (1 - factor) * rv[c]! + factor * variance.data[c]! * unbiased
      }
    })
  }
}
