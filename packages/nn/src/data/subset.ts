import { Dataset } from './dataset.js'

/** The items of `dataset` at `indices`, in that order. */
export class Subset<T> extends Dataset<T> {
  readonly dataset: Dataset<T>
  readonly indices: Int32Array

  constructor(dataset: Dataset<T>, indices: ArrayLike<number>) {
    super()
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!
      if (!Number.isInteger(i) || i < 0 || i >= dataset.length) {
        throw new RangeError(
          `Subset: index ${i} (position ${k}) is out of range for a dataset of length ${dataset.length}`,
        )
      }
    }
    this.dataset = dataset
    this.indices = Int32Array.from(indices)
    // Keep the wrapped dataset's fast batch path, if it has one.
    const innerBatch = dataset.getBatch?.bind(dataset)
    if (innerBatch) this.getBatch = (batchIndices) => innerBatch(this.mapIndices(batchIndices))
  }

  get length(): number {
    return this.indices.length
  }

  get(index: number): T {
    this.checkIndex(index)
    return this.dataset.get(this.indices[index]!)
  }

  private mapIndices(indices: ArrayLike<number>): Int32Array {
    const mapped = new Int32Array(indices.length)
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!
      this.checkIndex(i)
      mapped[k] = this.indices[i]!
    }
    return mapped
  }
}
