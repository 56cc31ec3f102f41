import { avgPool2d, maxPool2d, type Pair, type Tensor } from '@gradschool/tensor'
import { Module } from './module.js'

export interface Pool2dOptions {
  /** Defaults to the kernel size (non-overlapping windows). */
  stride?: Pair
  padding?: Pair
}

export class MaxPool2d extends Module {
  constructor(
    readonly kernelSize: Pair,
    readonly options: Pool2dOptions = {},
  ) {
    super()
  }

  forward(x: Tensor): Tensor {
    return maxPool2d(x, this.kernelSize, this.options)
  }
}

/** Average pooling; padded positions count as zeros (PyTorch's countIncludePad default). */
export class AvgPool2d extends Module {
  constructor(
    readonly kernelSize: Pair,
    readonly options: Pool2dOptions = {},
  ) {
    super()
  }

  forward(x: Tensor): Tensor {
    return avgPool2d(x, this.kernelSize, this.options)
  }
}
