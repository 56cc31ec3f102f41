import { arange, Tensor, tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DataLoader,
  Dataset,
  randomSplit,
  Subset,
  TensorDataset,
  trainValTestSplit,
} from '../src/data/index.js'

/** A dataset of n rows: x[i] = [i, 10·i], y[i] = i. */
function rows(n: number): TensorDataset<[Tensor, Tensor]> {
  const x = new Float32Array(2 * n)
  for (let i = 0; i < n; i++) {
    x[2 * i] = i
    x[2 * i + 1] = 10 * i
  }
  return new TensorDataset(new Tensor(x, [n, 2], 'float32'), arange(n).int())
}

function labelsSeen(loader: DataLoader<[Tensor, Tensor]>): number[] {
  const seen: number[] = []
  for (const [, y] of loader) seen.push(...y.data)
  return seen
}

/** A dataset without a batch fast path, to exercise item-by-item collation. */
class Squares extends Dataset<[Tensor, number]> {
  constructor(readonly length: number) {
    super()
  }
  get(i: number): [Tensor, number] {
    return [tensor([i, i * i]), i]
  }
}

describe('TensorDataset', () => {
  it('returns the i-th row of every tensor', () => {
    const [x, y] = rows(5).get(3)
    expect(x.shape).toEqual([2])
    expect(Array.from(x.data)).toEqual([3, 30])
    expect(y.shape).toEqual([])
    expect(y.item()).toBe(3)
    expect(y.dtype).toBe('int32')
  })

  it('rejects tensors of different lengths and out-of-range indices', () => {
    expect(() => new TensorDataset(tensor([1, 2, 3]), tensor([1, 2]))).toThrow(
      /same size along dim 0.*\[3\].*\[2\]/,
    )
    expect(() => rows(3).get(3)).toThrow(/index 3 is out of range for a dataset of length 3/)
  })
})

describe('DataLoader', () => {
  it('yields batches with a leading batch dimension and a short last batch', () => {
    const loader = new DataLoader(rows(10), { batchSize: 4 })
    const batches = [...loader]
    expect(loader.length).toBe(3)
    expect(batches.map(([x]) => x.shape)).toEqual([
      [4, 2],
      [4, 2],
      [2, 2],
    ])
    expect(Array.from(batches[1]![0].data)).toEqual([4, 40, 5, 50, 6, 60, 7, 70])
    expect(Array.from(batches[2]![1].data)).toEqual([8, 9])
    expect(batches[0]![1].dtype).toBe('int32')
  })

  it('drops the short last batch with dropLast', () => {
    const loader = new DataLoader(rows(10), { batchSize: 4, dropLast: true })
    expect(loader.length).toBe(2)
    expect([...loader].map(([x]) => x.shape[0])).toEqual([4, 4])
  })

  it('visits every sample exactly once per epoch, shuffled or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 17 }),
        fc.boolean(),
        fc.integer(),
        (n, batchSize, shuffle, seed) => {
          const loader = new DataLoader(rows(n), { batchSize, shuffle, seed })
          for (let epoch = 0; epoch < 2; epoch++) {
            const seen = labelsSeen(loader)
            expect(seen.slice().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i))
          }
        },
      ),
    )
  })

  it('with dropLast visits floor(n / batchSize) full batches of distinct samples', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer(),
        (n, batchSize, seed) => {
          const loader = new DataLoader(rows(n), { batchSize, shuffle: true, seed, dropLast: true })
          const seen = labelsSeen(loader)
          expect(seen.length).toBe(Math.floor(n / batchSize) * batchSize)
          expect(new Set(seen).size).toBe(seen.length)
        },
      ),
    )
  })

  it('keeps rows together when shuffling (x and y of a sample stay paired)', () => {
    for (const [x, y] of new DataLoader(rows(50), { batchSize: 8, shuffle: true, seed: 3 })) {
      for (let k = 0; k < y.data.length; k++) {
        expect(x.data[2 * k]).toBe(y.data[k])
        expect(x.data[2 * k + 1]).toBe(10 * y.data[k]!)
      }
    }
  })

  it('reproduces the same shuffled epochs from the same seed, with a new order each epoch', () => {
    const a = new DataLoader(rows(100), { batchSize: 10, shuffle: true, seed: 42 })
    const b = new DataLoader(rows(100), { batchSize: 10, shuffle: true, seed: 42 })
    const a1 = labelsSeen(a)
    const a2 = labelsSeen(a)
    expect(labelsSeen(b)).toEqual(a1)
    expect(labelsSeen(b)).toEqual(a2)
    expect(a2).not.toEqual(a1)
    expect(a1).not.toEqual(Array.from({ length: 100 }, (_, i) => i))
  })

  it('resumes a given epoch with setEpoch', () => {
    const a = new DataLoader(rows(30), { batchSize: 7, shuffle: true, seed: 5 })
    labelsSeen(a)
    labelsSeen(a)
    const third = labelsSeen(a)
    const b = new DataLoader(rows(30), { batchSize: 7, shuffle: true, seed: 5 })
    b.setEpoch(2)
    expect(labelsSeen(b)).toEqual(third)
  })

  it('collates datasets without a fast path item by item', () => {
    const [first] = [...new DataLoader(new Squares(3), { batchSize: 3 })]
    const [x, i] = first!
    expect(x.shape).toEqual([3, 2])
    expect(Array.from(x.data)).toEqual([0, 0, 1, 1, 2, 4])
    expect(i.dtype).toBe('int32')
    expect(Array.from(i.data)).toEqual([0, 1, 2])
  })

  it('uses a custom collate function', () => {
    const loader = new DataLoader(new Squares(5), {
      batchSize: 2,
      collate: (items) => items.map(([, i]) => i),
    })
    expect([...loader]).toEqual([[0, 1], [2, 3], [4]])
  })

  it('rejects a bad batch size', () => {
    expect(() => new DataLoader(rows(3), { batchSize: 0 })).toThrow(
      /batchSize must be a positive integer, got 0/,
    )
  })
})

describe('Subset', () => {
  it('reads the wrapped dataset at the given indices, batched or not', () => {
    const subset = new Subset(rows(10), [7, 2, 5])
    expect(subset.length).toBe(3)
    expect(subset.get(1)[1].item()).toBe(2)
    const [[x, y]] = [...new DataLoader(subset, { batchSize: 3 })] as [[Tensor, Tensor]]
    expect(Array.from(y.data)).toEqual([7, 2, 5])
    expect(Array.from(x.data)).toEqual([7, 70, 2, 20, 5, 50])
  })

  it('rejects indices outside the dataset', () => {
    expect(() => new Subset(rows(4), [0, 4])).toThrow(
      /index 4 \(position 1\) is out of range for a dataset of length 4/,
    )
  })
})

describe('randomSplit and trainValTestSplit', () => {
  const ids = (s: Subset<[Tensor, Tensor]>) => Array.from(s.indices)

  it('splits into disjoint parts covering everything, by counts or fractions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 5 }),
        fc.integer(),
        (counts, seed) => {
          const n = counts.reduce((a, b) => a + b, 0)
          const parts = randomSplit(rows(n), counts, seed)
          expect(parts.map((p) => p.length)).toEqual(counts)
          const all = parts.flatMap(ids).sort((a, b) => a - b)
          expect(all).toEqual(Array.from({ length: n }, (_, i) => i))
        },
      ),
    )
  })

  it('turns fractions into counts, giving the remainder to the first parts', () => {
    // 10 · [0.45, 0.45, 0.1] = [4.5, 4.5, 1] → floors [4, 4, 1], one left over → [5, 4, 1].
    expect(randomSplit(rows(10), [0.45, 0.45, 0.1], 0).map((p) => p.length)).toEqual([5, 4, 1])
    expect(randomSplit(rows(10), [0.5, 0.5], 0).map((p) => p.length)).toEqual([5, 5])
  })

  it('is reproducible from its seed', () => {
    expect(randomSplit(rows(50), [30, 20], 9).map(ids)).toEqual(randomSplit(rows(50), [30, 20], 9).map(ids))
    expect(randomSplit(rows(50), [30, 20], 9).map(ids)).not.toEqual(
      randomSplit(rows(50), [30, 20], 10).map(ids),
    )
  })

  it('rejects lengths that do not add up', () => {
    expect(() => randomSplit(rows(10), [3, 3], 0)).toThrow(/counts summing to the dataset length 10/)
  })

  it('makes a seeded train/validation/test split from fractions or counts', () => {
    const split = trainValTestSplit(rows(100), { validation: 0.2, test: 0.1, seed: 1 })
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([70, 20, 10])
    const all = [...ids(split.train), ...ids(split.validation), ...ids(split.test)].sort((a, b) => a - b)
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i))
    const again = trainValTestSplit(rows(100), { validation: 0.2, test: 0.1, seed: 1 })
    expect(ids(again.test)).toEqual(ids(split.test))
    const counted = trainValTestSplit(rows(100), { validation: 15, test: 5, seed: 1 })
    expect([counted.train.length, counted.validation.length, counted.test.length]).toEqual([80, 15, 5])
    expect(() => trainValTestSplit(rows(10), { validation: 8, test: 5, seed: 0 })).toThrow(
      /exceed the dataset length 10/,
    )
  })
})
