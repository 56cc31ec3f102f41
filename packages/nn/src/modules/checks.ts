import { type Tensor, TensorError } from '@gradschool/tensor'

export const fmtShape = (shape: readonly number[]): string => `[${shape.join(',')}]`

/** Throws a layer-named error unless `x` has one of the allowed ranks. */
export function expectRank(layer: string, x: Tensor, ranks: readonly number[], layout: string): void {
  if (!ranks.includes(x.ndim)) {
    throw new TensorError(layer, `expected input of shape ${layout}, got ${fmtShape(x.shape)}`)
  }
}

/** Throws a layer-named error unless the size of `dim` is `size`. */
export function expectSize(layer: string, x: Tensor, dim: number, size: number, what: string): void {
  const d = dim < 0 ? x.ndim + dim : dim
  if (x.shape[d] !== size) {
    throw new TensorError(
      layer,
      `expected ${what} of size ${size} at dim ${dim} of the input, got shape ${fmtShape(x.shape)}`,
    )
  }
}

export function expectPositiveInt(layer: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0)
    throw new TensorError(layer, `${name} must be a positive integer, got ${value}`)
}

export function expectProbability(layer: string, name: string, value: number): void {
  if (!(value >= 0 && value <= 1))
    throw new TensorError(layer, `${name} must be between 0 and 1, got ${value}`)
}
