import { allocate, type DType, isFloating } from '../dtype.js'
import { TensorError } from '../errors.js'
import { Tensor } from '../tensor.js'

/** A tensor, or a plain number that broadcasts like a 0-d tensor. */
export type TensorLike = Tensor | number

/** Turns a number operand into a 0-d tensor of a dtype that will not change the other side's type. */
export function asTensor(value: TensorLike, like: DType): Tensor {
  if (value instanceof Tensor) return value
  if (typeof value !== 'number') {
    throw new TensorError('operand', `expected a Tensor or a number, got ${describe(value)}`)
  }
  const dtype: DType = like === 'int32' && !Number.isInteger(value) ? 'float32' : like
  const data = allocate(dtype, 1)
  data[0] = value
  return new Tensor(data, [], dtype)
}

export function operands(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, asTensor(b, a.dtype)]
  if (b instanceof Tensor) return [asTensor(a, b.dtype), b]
  return [asTensor(a, 'float32'), asTensor(b, 'float32')]
}

export function requireFloating(op: string, t: Tensor): void {
  if (!isFloating(t.dtype))
    throw new TensorError(op, `expected a floating point tensor, got dtype ${t.dtype}`)
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object'
    ? (value.constructor?.name ?? 'an object')
    : `${typeof value} ${String(value)}`
}
