import { Tensor } from '@gradschool/tensor'
import { Dataset } from './dataset.js'

/**
 * Wraps tensors that share their first dimension; item i is the tuple of their i-th rows.
 * `new TensorDataset(images, labels)` yields `[image, label]`.
 */
export class TensorDataset<T extends Tensor[]> extends Dataset<T> {
  readonly tensors: T
  private readonly rows: number

  constructor(...tensors: T) {
    super()
    if (tensors.length === 0) throw new Error('TensorDataset: give at least one tensor')
    const rows = tensors.map((t) => t.shape[0])
    if (rows.some((r) => r === undefined)) {
      throw new Error('TensorDataset: every tensor needs at least one dimension (rows along dim 0)')
    }
    if (rows.some((r) => r !== rows[0])) {
      throw new Error(
        `TensorDataset: tensors must have the same size along dim 0, got shapes ${tensors.map((t) => `[${t.shape.join(', ')}]`).join(', ')}`,
      )
    }
    this.tensors = tensors
    this.rows = rows[0]!
  }

  get length(): number {
    return this.rows
  }

  get(index: number): T {
    this.checkIndex(index)
    return this.tensors.map((t) => gatherRows(t, [index], false)) as T
  }

  /** Copies whole rows out of each tensor's flat storage: one `set` per row, no per-element work. */
  override getBatch(indices: ArrayLike<number>): T {
    for (let k = 0; k < indices.length; k++) this.checkIndex(indices[k]!)
    return this.tensors.map((t) => gatherRows(t, indices, true)) as T
  }
}

function gatherRows(t: Tensor, indices: ArrayLike<number>, keepBatchDim: boolean): Tensor {
  const rowShape = t.shape.slice(1)
  const rowSize = rowShape.reduce((a, b) => a * b, 1)
  const source = t.data
  const out = new (source.constructor as new (n: number) => typeof source)(indices.length * rowSize)
  for (let k = 0; k < indices.length; k++) {
    const start = indices[k]! * rowSize
    out.set(source.subarray(start, start + rowSize), k * rowSize)
  }
  return new Tensor(out, keepBatchDim ? [indices.length, ...rowShape] : rowShape, t.dtype)
}
