import { linear, type Tensor, zeros } from '@gradschool/tensor'
import { kaimingUniform, uniform } from '../init.js'
import { expectPositiveInt, expectSize } from './checks.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

export interface LinearOptions {
  bias?: boolean
}

/** y = x·Wᵀ + b over the last dim; weight is [outFeatures, inFeatures] as in PyTorch. */
export class Linear extends Module {
  weight: Parameter
  bias: Parameter | null

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super()
    expectPositiveInt('Linear', 'inFeatures', inFeatures)
    expectPositiveInt('Linear', 'outFeatures', outFeatures)
    this.weight = new Parameter(zeros([outFeatures, inFeatures]))
    this.bias = options.bias === false ? null : new Parameter(zeros([outFeatures]))
    this.resetParameters()
  }

  /** PyTorch's default: kaiming uniform with a = √5 (bound 1/√fanIn), bias U(±1/√fanIn). */
  resetParameters(): void {
    kaimingUniform(this.weight, { a: Math.sqrt(5) })
    if (this.bias) uniform(this.bias, -1 / Math.sqrt(this.inFeatures), 1 / Math.sqrt(this.inFeatures))
  }

  forward(x: Tensor): Tensor {
    expectSize(`Linear(${this.inFeatures}, ${this.outFeatures})`, x, -1, this.inFeatures, 'features')
    return linear(x, this.weight, this.bias)
  }
}
