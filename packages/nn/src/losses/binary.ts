import { type Tensor, TensorError } from '@gradschool/tensor'
import { expectSameShape, type ReductionOptions, reduce } from './reduction.js'

export interface BCEOptions extends ReductionOptions {
  /** Rescales each element's loss (broadcast to the input's shape). */
  weight?: Tensor
}

export interface BCEWithLogitsOptions extends BCEOptions {
  /** Weight of the positive term, broadcast over the last dim (one per class). */
  posWeight?: Tensor
}

// Clamping the probability first keeps log's backward finite (0/tiny = 0, never 0/0).
const TINY = 1e-44

/** −log(p), capped at 100 like PyTorch's BCELoss so p = 0 gives a finite loss. */
function negativeLog(p: Tensor): Tensor {
  return p.clamp(TINY).log().clamp(-100).neg()
}

/** Binary cross-entropy on probabilities: −[y·log p + (1 − y)·log(1 − p)]. */
export function bceLoss(input: Tensor, target: Tensor, options: BCEOptions = {}): Tensor {
  expectSameShape('bceLoss', input, target)
  for (const v of input.data) {
    if (!(v >= 0 && v <= 1)) {
      throw new TensorError(
        'bceLoss',
        `input must hold probabilities in [0, 1], found ${v}; use bceWithLogitsLoss for raw scores`,
      )
    }
  }
  let loss = target.mul(negativeLog(input)).add(
    target
      .neg()
      .add(1)
      .mul(negativeLog(input.neg().add(1))),
  )
  if (options.weight) loss = loss.mul(options.weight)
  return reduce('bceLoss', loss, options.reduction)
}

/**
 * Sigmoid + binary cross-entropy in one stable expression:
 * (1 − y)·x + (1 + (w − 1)·y)·log(1 + e^−x), with log(1 + e^−x) = max(−x, 0) + log(1 + e^−|x|).
 */
export function bceWithLogitsLoss(input: Tensor, target: Tensor, options: BCEWithLogitsOptions = {}): Tensor {
  expectSameShape('bceWithLogitsLoss', input, target)
  const logOnePlusExpNeg = input.neg().relu().add(input.abs().neg().exp().add(1).log())
  const positiveScale = options.posWeight ? target.mul(options.posWeight.sub(1)).add(1) : null
  let loss = target.neg().add(1).mul(input)
  loss = loss.add(positiveScale ? positiveScale.mul(logOnePlusExpNeg) : logOnePlusExpNeg)
  if (options.weight) loss = loss.mul(options.weight)
  return reduce('bceWithLogitsLoss', loss, options.reduction)
}
