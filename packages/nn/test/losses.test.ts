import { gradcheck, manualSeed, randn, Tensor, tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BCELoss,
  BCEWithLogitsLoss,
  bceLoss,
  bceWithLogitsLoss,
  CrossEntropyLoss,
  crossEntropy,
  L1Loss,
  l1Loss,
  MSELoss,
  mseLoss,
  NLLLoss,
  nllLoss,
} from '../src/index.js'

const f64 = (data: number[] | number[][], requiresGrad = false) =>
  tensor(data, { dtype: 'float64', requiresGrad })
const int = (data: number[]) => tensor(data, { dtype: 'int32' })
const values = (t: Tensor) => Array.from(t.data)

describe('mseLoss and l1Loss', () => {
  const input = f64([1, 2, 3])
  const target = f64([1, 0, 5])

  it('match hand-computed values for every reduction', () => {
    expect(mseLoss(input, target).item()).toBeCloseTo(8 / 3, 12)
    expect(mseLoss(input, target, { reduction: 'sum' }).item()).toBe(8)
    expect(values(mseLoss(input, target, { reduction: 'none' }))).toEqual([0, 4, 4])
    expect(l1Loss(input, target).item()).toBeCloseTo(4 / 3, 12)
    expect(values(l1Loss(input, target, { reduction: 'none' }))).toEqual([0, 2, 2])
  })

  it('are non-negative and zero exactly at the target (property)', () => {
    const vec = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(vec, vec, (a, b) => {
        const n = Math.min(a.length, b.length)
        const x = f64(a.slice(0, n))
        const y = f64(b.slice(0, n))
        expect(mseLoss(x, y).item()).toBeGreaterThanOrEqual(0)
        expect(l1Loss(x, y).item()).toBeGreaterThanOrEqual(0)
        expect(mseLoss(x, x).item()).toBe(0)
        expect(l1Loss(x, x).item()).toBe(0)
      }),
    )
  })

  it('pass gradcheck and reject mismatched shapes', () => {
    const x = f64(
      [
        [0.5, -1],
        [2, 0.3],
      ],
      true,
    )
    const y = f64([
      [1, 1],
      [0, 0.2],
    ])
    expect(gradcheck(() => mseLoss(x, y), [x])).toBe(true)
    expect(gradcheck(() => l1Loss(x, y, { reduction: 'sum' }), [x])).toBe(true)
    expect(() => mseLoss(f64([1, 2]), f64([1, 2, 3]))).toThrow(
      /mseLoss: input shape \[2\] and target shape \[3\] must match/,
    )
    expect(() => mseLoss(x, y, { reduction: 'avg' as 'mean' })).toThrow(/reduction must be/)
  })
})

describe('bceLoss', () => {
  it('matches −[y·ln p + (1 − y)·ln(1 − p)]', () => {
    expect(bceLoss(f64([0.8, 0.3]), f64([1, 0])).item()).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12)
    expect(bceLoss(f64([0.25]), f64([0.5])).item()).toBeCloseTo(
      -(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)),
      12,
    )
  })

  it('clamps the log at −100 like PyTorch and keeps gradients finite', () => {
    const p = f64([0, 1, 1, 0], true)
    const loss = bceLoss(p, f64([1, 0, 1, 0]), { reduction: 'none' })
    expect(values(loss)).toEqual([100, 100, 0, 0])
    loss.sum().backward()
    expect(values(p.grad!).every(Number.isFinite)).toBe(true)
    expect(bceLoss(tensor([0, 1]), tensor([1, 0]), { reduction: 'sum' }).item()).toBe(200)
  })

  it('rejects values outside [0, 1] and passes gradcheck', () => {
    expect(() => bceLoss(f64([1.5]), f64([1]))).toThrow(/probabilities in \[0, 1\].*bceWithLogitsLoss/)
    const p = f64([0.2, 0.7, 0.9], true)
    expect(gradcheck(() => bceLoss(p, f64([0, 1, 0.5]), { weight: f64([1, 2, 3]) }), [p])).toBe(true)
  })
})

describe('bceWithLogitsLoss', () => {
  it('matches hand-computed values, with a positive weight too', () => {
    expect(
      values(bceWithLogitsLoss(f64([0, 2]), f64([1, 0]), { reduction: 'none' })).map((v) =>
        Number(v.toFixed(12)),
      ),
    ).toEqual([Math.log(2), Math.log(1 + Math.exp(2))].map((v) => Number(v.toFixed(12))))
    expect(bceWithLogitsLoss(f64([0]), f64([1]), { posWeight: f64([3]) }).item()).toBeCloseTo(
      3 * Math.log(2),
      12,
    )
  })

  it('is stable for large logits', () => {
    expect(values(bceWithLogitsLoss(f64([100, -100, 100]), f64([0, 1, 1]), { reduction: 'none' }))).toEqual([
      100, 100, 0,
    ])
    expect(bceWithLogitsLoss(tensor([1000]), tensor([0])).item()).toBe(1000)
  })

  it('equals bceLoss(sigmoid(x)) for moderate logits (property) and passes gradcheck', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -15, max: 15, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y) => {
          const a = bceWithLogitsLoss(f64([x]), f64([y])).item()
          const b = bceLoss(f64([x]).sigmoid(), f64([y])).item()
          expect(a).toBeGreaterThanOrEqual(0)
          expect(Math.abs(a - b)).toBeLessThan(1e-8)
        },
      ),
    )
    const x = f64(
      [
        [-3, 0.5],
        [2, 0.1],
      ],
      true,
    )
    expect(
      gradcheck(
        () =>
          bceWithLogitsLoss(
            x,
            f64([
              [0, 1],
              [1, 0.3],
            ]),
            { posWeight: f64([2, 0.5]) },
          ),
        [x],
      ),
    ).toBe(true)
  })
})

describe('crossEntropy and nllLoss', () => {
  // −log softmax([1, 2, 3])[c] = log(e¹ + e² + e³) − (c + 1)
  const lse = Math.log(Math.E + Math.E ** 2 + Math.E ** 3)

  it('match hand-computed values', () => {
    const logits = f64([
      [1, 2, 3],
      [1, 2, 3],
    ])
    expect(crossEntropy(logits, int([2, 0])).item()).toBeCloseTo((lse - 3 + lse - 1) / 2, 12)
    expect(values(crossEntropy(logits, int([2, 0]), { reduction: 'none' }))).toEqual(
      [lse - 3, lse - 1].map((v) => expect.closeTo(v, 12)),
    )
    expect(
      nllLoss(
        f64([
          [-0.5, -1.2],
          [-2, -0.1],
        ]),
        int([1, 0]),
        { reduction: 'sum' },
      ).item(),
    ).toBeCloseTo(3.2, 12)
  })

  it('support label smoothing: (1 − ε)·nll + ε/C·Σ −log p', () => {
    const eps = 0.1
    const nll = [lse - 1, lse - 2, lse - 3]
    const expected = (1 - eps) * nll[2]! + (eps / 3) * (nll[0]! + nll[1]! + nll[2]!)
    expect(crossEntropy(f64([[1, 2, 3]]), int([2]), { labelSmoothing: eps }).item()).toBeCloseTo(expected, 12)
  })

  it('support class weights and ignoreIndex (mean divides by the weight of counted targets)', () => {
    const logits = f64([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ])
    const weighted = crossEntropy(logits, int([0, 2, 1]), { weight: f64([1, 2, 3]) }).item()
    expect(weighted).toBeCloseTo((1 * (lse - 1) + 3 * (lse - 3) + 2 * (lse - 2)) / 6, 12)
    const ignored = crossEntropy(logits, int([0, -100, 1])).item()
    expect(ignored).toBeCloseTo((lse - 1 + lse - 2) / 2, 12)
    const custom = crossEntropy(logits, int([0, 7, 7]), { ignoreIndex: 7, reduction: 'none' })
    expect(values(custom)[1]).toBe(0)
  })

  it('equals nllLoss(logSoftmax(x)), is non-negative (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 5 }),
        (seed, n, c) => {
          manualSeed(seed)
          const logits = randn([n, c], { dtype: 'float64' }).mul(3)
          const target = tensor(
            Array.from({ length: n }, (_, i) => (seed + i) % c),
            { dtype: 'int32' },
          )
          const ce = crossEntropy(logits, target).item()
          expect(ce).toBeCloseTo(nllLoss(logits.logSoftmax(1), target).item(), 12)
          expect(ce).toBeGreaterThanOrEqual(0)
        },
      ),
    )
  })

  it('accepts class probabilities as targets and [N, C, d] inputs', () => {
    const logits = f64([
      [0.2, -1, 3],
      [1, 1, 0],
    ])
    const byIndex = crossEntropy(logits, int([2, 0])).item()
    const byProbability = crossEntropy(
      logits,
      f64([
        [0, 0, 1],
        [1, 0, 0],
      ]),
    ).item()
    expect(byProbability).toBeCloseTo(byIndex, 12)
    const spatial = randn([2, 3, 4], { dtype: 'float64' })
    const target = tensor(
      [
        [0, 1, 2, 1],
        [2, 2, 0, 1],
      ],
      { dtype: 'int32' },
    )
    const flat = spatial.permute([0, 2, 1]).reshape([8, 3])
    expect(crossEntropy(spatial, target).item()).toBeCloseTo(
      crossEntropy(flat, target.reshape([8])).item(),
      12,
    )
    expect(crossEntropy(spatial, target, { reduction: 'none' }).shape).toEqual([2, 4])
  })

  it('pass gradcheck, with and without smoothing, weights and ignored targets', () => {
    const logits = randn([4, 3], { dtype: 'float64', requiresGrad: true })
    const target = int([0, 2, 1, 2])
    expect(gradcheck(() => crossEntropy(logits, target), [logits])).toBe(true)
    expect(
      gradcheck(
        () => crossEntropy(logits, int([0, -100, 1, 2]), { labelSmoothing: 0.2, weight: f64([1, 0.5, 2]) }),
        [logits],
      ),
    ).toBe(true)
    expect(gradcheck(() => nllLoss(logits, target, { reduction: 'sum' }), [logits])).toBe(true)
  })

  it('explain bad targets', () => {
    const logits = randn(2, 3)
    expect(() => crossEntropy(logits, int([0, 3]))).toThrow(
      /target 3 at position 1 is out of range for 3 classes/,
    )
    expect(() => crossEntropy(logits, int([0, 1, 2]))).toThrow(
      /needs int32 class indices of shape \[2\], got \[3\]/,
    )
    expect(() => crossEntropy(logits, tensor([0, 1]))).toThrow(
      /int32 class indices or probabilities shaped like the input/,
    )
  })
})

describe('loss modules', () => {
  it('forward to the functions with their options', () => {
    const x = f64([
      [0.3, 0.6],
      [0.9, 0.2],
    ])
    const y = f64([
      [0, 1],
      [1, 0],
    ])
    expect(new MSELoss({ reduction: 'sum' }).forward(x, y).item()).toBe(
      mseLoss(x, y, { reduction: 'sum' }).item(),
    )
    expect(new L1Loss().forward(x, y).item()).toBe(l1Loss(x, y).item())
    expect(new BCELoss().forward(x, y).item()).toBe(bceLoss(x, y).item())
    expect(new BCEWithLogitsLoss().forward(x, y).item()).toBe(bceWithLogitsLoss(x, y).item())
    const t = int([1, 0])
    expect(new CrossEntropyLoss({ labelSmoothing: 0.1 }).forward(x, t).item()).toBe(
      crossEntropy(x, t, { labelSmoothing: 0.1 }).item(),
    )
    expect(new NLLLoss().forward(x, t).item()).toBe(nllLoss(x, t).item())
    expect(new CrossEntropyLoss().forward(x, t)).toBeInstanceOf(Tensor)
  })
})
