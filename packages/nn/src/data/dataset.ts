/**
 * A map-style dataset: a fixed number of items addressed by index, like torch.utils.data.Dataset.
 *
 * `getBatch(indices)` is an optional fast path that DataLoader uses instead of collating item by
 * item. It must return what collating `get(i)` for each index would: the same structure with a
 * leading batch dimension (TensorDataset implements it by copying rows straight out of storage).
 */
export abstract class Dataset<T> {
  abstract get length(): number
  abstract get(index: number): T

  getBatch?(indices: ArrayLike<number>): T

  /** Throws a clear error for an index outside 0..length-1. */
  protected checkIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(
        `${this.constructor.name}: index ${index} is out of range for a dataset of length ${this.length}`,
      )
    }
  }
}
