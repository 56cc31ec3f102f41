import { Tensor, TensorError } from '@gradschool/tensor'

/**
 * A tensor a module learns: it requires grad and is found by `parameters()`. It shares
 * storage with the tensor it wraps, like `torch.nn.Parameter`.
 */
export class Parameter extends Tensor {
  constructor(value: Tensor) {
    if (value.dtype === 'int32') {
      throw new TensorError('Parameter', 'a parameter must be a floating point tensor, got dtype int32')
    }
    super(value.data, value.shape.slice(), value.dtype)
    this.requiresGrad = true
  }
}

/**
 * A tensor a module keeps but does not learn (BatchNorm's running statistics): saved by
 * `stateDict()` and converted by `to(dtype)`, never touched by an optimizer.
 */
export class Buffer extends Tensor {
  constructor(value: Tensor) {
    super(value.data, value.shape.slice(), value.dtype)
  }
}

/** Wraps a tensor as a learnable parameter. */
export function parameter(value: Tensor): Parameter {
  return new Parameter(value)
}
