import { Tensor } from '@gradschool/tensor'

/** The batch type defaultCollate makes from items of type T. */
export type Collated<T> = T extends Tensor | number
  ? Tensor
  : T extends readonly unknown[] | Record<string, unknown>
    ? { [K in keyof T]: Collated<T[K]> }
    : never

/**
 * Turns a list of items into one batch, like PyTorch's default_collate: tensors are stacked
 * along a new first dimension, numbers become a 1-D tensor (int32 when all are integers),
 * tuples/arrays and plain objects are collated field by field.
 */
export function defaultCollate(items: readonly unknown[]): unknown {
  const first = items[0]
  if (first === undefined) throw new Error('collate: cannot collate an empty batch')
  if (first instanceof Tensor) return stackRows(items as Tensor[])
  if (typeof first === 'number') {
    const numbers = items as number[]
    const integral = numbers.every(Number.isInteger)
    const data = integral ? Int32Array.from(numbers) : Float32Array.from(numbers)
    return new Tensor(data, [numbers.length], integral ? 'int32' : 'float32')
  }
  if (Array.isArray(first)) {
    return first.map((_, field) => defaultCollate(items.map((item) => (item as unknown[])[field])))
  }
  if (typeof first === 'object' && first !== null) {
    return Object.fromEntries(
      Object.keys(first).map((key) => [
        key,
        defaultCollate(items.map((item) => (item as Record<string, unknown>)[key])),
      ]),
    )
  }
  throw new Error(`collate: do not know how to batch items of type ${typeof first}; pass a collate function`)
}

function stackRows(rows: Tensor[]): Tensor {
  const first = rows[0]!
  const rowSize = first.data.length
  const out = new (first.data.constructor as new (n: number) => typeof first.data)(rows.length * rowSize)
  rows.forEach((row, k) => {
    if (row.dtype !== first.dtype || row.shape.join() !== first.shape.join()) {
      throw new Error(
        `collate: item ${k} has shape [${row.shape.join(', ')}] ${row.dtype}, but item 0 has [${first.shape.join(', ')}] ${first.dtype}`,
      )
    }
    out.set(row.data, k * rowSize)
  })
  return new Tensor(out, [rows.length, ...first.shape], first.dtype)
}
