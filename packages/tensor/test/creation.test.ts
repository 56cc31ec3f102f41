/** Creation functions: shapes, dtypes, values written out by hand, and seeded randomness. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arange,
  eye,
  full,
  fullLike,
  linspace,
  manualSeed,
  ones,
  onesLike,
  rand,
  randint,
  randLike,
  randn,
  randnLike,
  Tensor,
  tensor,
  zeros,
  zerosLike,
} from '../src/index.js'

describe('tensor()', () => {
  it('infers the shape of nested arrays, float32 by default', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ])
    expect(t.shape).toEqual([2, 3])
    expect(t.dtype).toBe('float32')
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6])
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ])
  })

  it('makes a 0-d tensor from a number and an empty 1-D tensor from []', () => {
    expect(tensor(2.5).shape).toEqual([])
    expect(tensor(2.5).item()).toBe(2.5)
    expect(tensor([]).shape).toEqual([0])
  })

  it('takes the dtype of a typed array and copies it', () => {
    const source = Float64Array.from([1, 2])
    const t = tensor(source)
    expect(t.dtype).toBe('float64')
    source[0] = 99
    expect(t.data[0]).toBe(1)
  })

  it('converts booleans to 0/1 and truncates toward zero for int32', () => {
    expect(Array.from(tensor([true, false]).data)).toEqual([1, 0])
    expect(Array.from(tensor([1.7, -1.7], { dtype: 'int32' }).data)).toEqual([1, -1])
  })

  it('copies a tensor into a new leaf, detached from its graph', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const copy = tensor(x.mul(2))
    expect(copy.isLeaf).toBe(true)
    expect(copy.requiresGrad).toBe(false)
    expect(Array.from(copy.data)).toEqual([2, 4])
    copy.data[0] = 7
    expect(x.data[0]).toBe(1)
  })

  it('round-trips nested arrays through toArray for any shape', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 }).chain((shape) => {
          const build = (dims: number[]): fc.Arbitrary<unknown> =>
            dims.length === 0
              ? fc.integer({ min: -100, max: 100 })
              : fc.array(build(dims.slice(1)), { minLength: dims[0]!, maxLength: dims[0]! })
          return fc.tuple(fc.constant(shape), build(shape))
        }),
        ([shape, nested]) => {
          const t = tensor(nested as number)
          expect(t.shape).toEqual(shape)
          expect(t.toArray()).toEqual(nested)
        },
      ),
    )
  })
})

describe('filled tensors', () => {
  it('zeros and ones take sizes or a shape array, and options', () => {
    expect(zeros(2, 3).shape).toEqual([2, 3])
    expect(Array.from(zeros([2, 2]).data)).toEqual([0, 0, 0, 0])
    expect(ones([3], { dtype: 'int32' }).dtype).toBe('int32')
    expect(Array.from(ones(2, { dtype: 'float64' }).data)).toEqual([1, 1])
    expect(ones(2, { dtype: 'float64' }).dtype).toBe('float64')
    expect(zeros([2], { requiresGrad: true }).requiresGrad).toBe(true)
    expect(zeros().shape).toEqual([])
  })

  it('full repeats a value', () => {
    expect(full([2, 2], 7).toArray()).toEqual([
      [7, 7],
      [7, 7],
    ])
  })

  it('arange counts up or down by a step, excluding the end', () => {
    expect(Array.from(arange(5).data)).toEqual([0, 1, 2, 3, 4])
    expect(Array.from(arange(2, 5).data)).toEqual([2, 3, 4])
    expect(Array.from(arange(1, 2, 0.25).data)).toEqual([1, 1.25, 1.5, 1.75])
    expect(Array.from(arange(5, 0, -2).data)).toEqual([5, 3, 1])
    expect(arange(3, 3).shape).toEqual([0])
  })

  it('linspace includes both ends', () => {
    expect(Array.from(linspace(0, 1, 5).data)).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(Array.from(linspace(2, -2, 3).data)).toEqual([2, 0, -2])
    expect(Array.from(linspace(3, 9, 1).data)).toEqual([3])
    expect(linspace(0, 1, 0).shape).toEqual([0])
  })

  it('eye puts ones on the diagonal, also for non-square shapes', () => {
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ])
    expect(eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ])
    expect(eye(3, 2).toArray()).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ])
  })

  it('*Like functions copy the shape and dtype, and accept overrides', () => {
    const t = tensor([[1, 2, 3]], { dtype: 'float64' })
    for (const made of [zerosLike(t), onesLike(t), fullLike(t, 4), randLike(t), randnLike(t)]) {
      expect(made.shape).toEqual([1, 3])
      expect(made.dtype).toBe('float64')
      expect(made.requiresGrad).toBe(false)
    }
    expect(Array.from(zerosLike(t).data)).toEqual([0, 0, 0])
    expect(Array.from(onesLike(t).data)).toEqual([1, 1, 1])
    expect(Array.from(fullLike(t, 4).data)).toEqual([4, 4, 4])
    expect(zerosLike(t, { dtype: 'int32' }).dtype).toBe('int32')
    expect(onesLike(t, { requiresGrad: true }).requiresGrad).toBe(true)
  })
})

describe('random tensors', () => {
  it('rand draws from [0, 1) with a flat histogram', () => {
    manualSeed(1)
    const r = rand([20000])
    expect(r.min().item()).toBeGreaterThanOrEqual(0)
    expect(r.max().item()).toBeLessThan(1)
    // Each tenth of [0, 1) gets about 2000 samples (binomial sd ≈ 42).
    const counts = new Array(10).fill(0)
    for (const v of r.data) counts[Math.floor(v * 10)]++
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(250)
  })

  it('randn has mean 0 and standard deviation 1', () => {
    manualSeed(2)
    const r = randn([20000], { dtype: 'float64' })
    expect(Math.abs(r.mean().item())).toBeLessThan(0.03)
    expect(Math.abs(r.std().item() - 1)).toBeLessThan(0.03)
    // About 68.3% of a normal lies within one standard deviation.
    const inside = r.abs().lt(1).sum().item() / 20000
    expect(Math.abs(inside - 0.6827)).toBeLessThan(0.02)
  })

  it('randint draws every integer of [low, high) and nothing else, as int32', () => {
    manualSeed(3)
    const r = randint(-2, 3, [1000])
    expect(r.dtype).toBe('int32')
    expect(new Set(r.data)).toEqual(new Set([-2, -1, 0, 1, 2]))
  })

  it('manualSeed makes every random creation reproducible', () => {
    const draw = () =>
      [rand(4), randn(2, 3), randint(0, 100, [5]), randnLike(zeros(3))].map((t) => Array.from(t.data))
    manualSeed(42)
    const first = draw()
    manualSeed(42)
    expect(draw()).toEqual(first)
    manualSeed(43)
    expect(draw()).not.toEqual(first)
  })

  it('randn is reproducible even after an odd number of draws', () => {
    manualSeed(7)
    const a = Array.from(randn(3).data)
    manualSeed(7)
    expect(Array.from(randn(3).data)).toEqual(a)
  })
})

describe('Tensor basics', () => {
  it('reports ndim, numel, size and stride', () => {
    const t = zeros(2, 3, 4)
    expect(t).toBeInstanceOf(Tensor)
    expect(t.ndim).toBe(3)
    expect(t.numel()).toBe(24)
    expect(t.size()).toEqual([2, 3, 4])
    expect(t.size(-1)).toBe(4)
    expect(t.stride()).toEqual([12, 4, 1])
  })

  it('converts between dtypes, truncating toward zero for int32', () => {
    const t = tensor([1.5, -2.5, 3])
    expect(t.to('int32').dtype).toBe('int32')
    expect(Array.from(t.int().data)).toEqual([1, -2, 3])
    expect(t.double().dtype).toBe('float64')
    expect(t.float()).toBe(t)
  })
})
