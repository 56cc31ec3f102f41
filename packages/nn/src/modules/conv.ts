import { conv2d, type Pair, type Tensor, TensorError, zeros } from '@gradschool/tensor'
import { kaimingUniform, uniform } from '../init.js'
import { expectPositiveInt, fmtShape } from './checks.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

export interface Conv2dOptions {
  stride?: Pair
  padding?: Pair
  bias?: boolean
}

const pairOf = (p: Pair): [number, number] => (typeof p === 'number' ? [p, p] : [p[0], p[1]])

/** 2-D convolution over [N,C,H,W]; weight [out, in, kh, kw], PyTorch's default init. */
export class Conv2d extends Module {
  readonly kernelSize: [number, number]
  readonly stride: Pair
  readonly padding: Pair
  weight: Parameter
  bias: Parameter | null

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    kernelSize: Pair,
    options: Conv2dOptions = {},
  ) {
    super()
    expectPositiveInt('Conv2d', 'inChannels', inChannels)
    expectPositiveInt('Conv2d', 'outChannels', outChannels)
    this.kernelSize = pairOf(kernelSize)
    this.kernelSize.forEach((k) => {
      expectPositiveInt('Conv2d', 'kernelSize', k)
    })
    this.stride = options.stride ?? 1
    this.padding = options.padding ?? 0
    this.weight = new Parameter(zeros([outChannels, inChannels, ...this.kernelSize]))
    this.bias = options.bias === false ? null : new Parameter(zeros([outChannels]))
    this.resetParameters()
  }

  resetParameters(): void {
    kaimingUniform(this.weight, { a: Math.sqrt(5) })
    const fanIn = this.inChannels * this.kernelSize[0] * this.kernelSize[1]
    if (this.bias) uniform(this.bias, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn))
  }

  forward(x: Tensor): Tensor {
    if (x.ndim !== 4 || x.shape[1] !== this.inChannels) {
      throw new TensorError(
        `Conv2d(${this.inChannels}, ${this.outChannels})`,
        `expected input of shape [N,${this.inChannels},H,W], got ${fmtShape(x.shape)}`,
      )
    }
    return conv2d(x, this.weight, this.bias, { stride: this.stride, padding: this.padding })
  }
}
