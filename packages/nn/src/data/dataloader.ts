import { type Collated, defaultCollate } from './collate.js'
import type { Dataset } from './dataset.js'
import { RandomGenerator, randomSeed } from './generator.js'

export interface DataLoaderOptions<T, B> {
  batchSize?: number
  /** Visit the items in a new random order every epoch. */
  shuffle?: boolean
  /** Skip the last batch when it would be smaller than batchSize. */
  dropLast?: boolean
  /** Seed of the shuffle; epoch e is shuffled with seed + e (see DataLoader). */
  seed?: number
  /** Builds a batch from items; defaults to stacking tensors (see defaultCollate). */
  collate?: (items: T[]) => B
}

/**
 * Iterates a dataset in batches: `for (const [x, y] of loader) …`.
 *
 * Shuffling is reproducible: every `for … of` starts a new epoch, and epoch e (counting from 0)
 * uses the permutation drawn by a generator seeded with `seed + e`. So two loaders with the same
 * seed produce the same sequence of epochs, and each epoch has a different order. `setEpoch(e)`
 * jumps to a given epoch (for resuming a run).
 */
export class DataLoader<T, B = Collated<T>> implements Iterable<B> {
  readonly dataset: Dataset<T>
  readonly batchSize: number
  readonly shuffle: boolean
  readonly dropLast: boolean
  readonly seed: number
  private readonly collate: ((items: T[]) => B) | null
  private epoch = 0

  constructor(dataset: Dataset<T>, options: DataLoaderOptions<T, B> = {}) {
    const { batchSize = 1, shuffle = false, dropLast = false, seed = randomSeed(), collate = null } = options
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new Error(`DataLoader: batchSize must be a positive integer, got ${batchSize}`)
    }
    this.dataset = dataset
    this.batchSize = batchSize
    this.shuffle = shuffle
    this.dropLast = dropLast
    this.seed = seed
    this.collate = collate
  }

  /** Number of batches per epoch. */
  get length(): number {
    const n = this.dataset.length
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize)
  }

  /** The epoch the next iteration will run (0 for a fresh loader). */
  get currentEpoch(): number {
    return this.epoch
  }

  setEpoch(epoch: number): void {
    if (!Number.isInteger(epoch) || epoch < 0)
      throw new Error(`DataLoader: epoch must be a non-negative integer, got ${epoch}`)
    this.epoch = epoch
  }

  /** The order in which epoch `epoch` visits the dataset. */
  order(epoch: number = this.epoch): Int32Array {
    const n = this.dataset.length
    if (this.shuffle) return new RandomGenerator(this.seed + epoch).permutation(n)
    const identity = new Int32Array(n)
    for (let i = 0; i < n; i++) identity[i] = i
    return identity
  }

  *[Symbol.iterator](): Iterator<B> {
    const order = this.order(this.epoch)
    this.epoch++
    const batches = this.length
    for (let b = 0; b < batches; b++) {
      yield this.batch(order.subarray(b * this.batchSize, Math.min((b + 1) * this.batchSize, order.length)))
    }
  }

  private batch(indices: Int32Array): B {
    if (this.collate === null && this.dataset.getBatch) return this.dataset.getBatch(indices) as unknown as B
    const items = Array.from(indices, (i) => this.dataset.get(i))
    return this.collate ? this.collate(items) : (defaultCollate(items) as B)
  }
}
