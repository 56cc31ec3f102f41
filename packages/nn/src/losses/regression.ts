import type { Tensor } from '@gradschool/tensor'
import { expectSameShape, type ReductionOptions, reduce } from './reduction.js'

/** Mean squared error: mean((input − target)²). */
export function mseLoss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  expectSameShape('mseLoss', input, target)
  return reduce('mseLoss', input.sub(target).square(), options.reduction)
}

/** Mean absolute error: mean(|input − target|). */
export function l1Loss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  expectSameShape('l1Loss', input, target)
  return reduce('l1Loss', input.sub(target).abs(), options.reduction)
}
