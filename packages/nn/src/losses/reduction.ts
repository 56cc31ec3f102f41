import { type Tensor, TensorError } from '@gradschool/tensor'

export type Reduction = 'mean' | 'sum' | 'none'

export interface ReductionOptions {
  reduction?: Reduction
}

export function reduce(loss: string, values: Tensor, reduction: Reduction = 'mean'): Tensor {
  switch (reduction) {
    case 'mean':
      return values.mean()
    case 'sum':
      return values.sum()
    case 'none':
      return values
    default:
      throw new TensorError(
        loss,
        `reduction must be 'mean', 'sum' or 'none', got ${JSON.stringify(reduction)}`,
      )
  }
}

export function expectSameShape(loss: string, input: Tensor, target: Tensor): void {
  if (input.ndim !== target.ndim || input.shape.some((d, i) => d !== target.shape[i])) {
    throw new TensorError(
      loss,
      `input shape [${input.shape.join(',')}] and target shape [${target.shape.join(',')}] must match`,
    )
  }
}
