import type { Tensor } from '@gradschool/tensor'
import { Module } from '../modules/module.js'
import { type BCEOptions, type BCEWithLogitsOptions, bceLoss, bceWithLogitsLoss } from './binary.js'
import { type CrossEntropyOptions, crossEntropy, type NLLOptions, nllLoss } from './classification.js'
import type { ReductionOptions } from './reduction.js'
import { l1Loss, mseLoss } from './regression.js'

/** Module forms of the loss functions, for code written PyTorch's way: `criterion.forward(y, t)`. */
export class MSELoss extends Module {
  constructor(readonly options: ReductionOptions = {}) {
    super()
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, this.options)
  }
}

export class L1Loss extends Module {
  constructor(readonly options: ReductionOptions = {}) {
    super()
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, this.options)
  }
}

export class BCELoss extends Module {
  constructor(readonly options: BCEOptions = {}) {
    super()
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return bceLoss(input, target, this.options)
  }
}

export class BCEWithLogitsLoss extends Module {
  constructor(readonly options: BCEWithLogitsOptions = {}) {
    super()
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return bceWithLogitsLoss(input, target, this.options)
  }
}

export class CrossEntropyLoss extends Module {
  constructor(readonly options: CrossEntropyOptions = {}) {
    super()
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, this.options)
  }
}

export class NLLLoss extends Module {
  constructor(readonly options: NLLOptions = {}) {
    super()
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, this.options)
  }
}
