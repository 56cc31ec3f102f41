import { tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accuracy,
  confusionMatrix,
  f1,
  formatConfusionMatrix,
  mae,
  mse,
  precision,
  r2,
  recall,
  rocAuc,
} from '../src/metrics/index.js'

const labels = (numClasses: number) =>
  fc
    .integer({ min: 1, max: 40 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: numClasses - 1 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: numClasses - 1 }), { minLength: n, maxLength: n }),
      ),
    )

describe('classification metrics, hand-computed', () => {
  // targets:     1 1 1 0 0 0 1 0
  // predictions: 1 0 1 1 0 0 1 0   → TP 3, FN 1, FP 1, TN 3
  const targets = [1, 1, 1, 0, 0, 0, 1, 0]
  const predictions = [1, 0, 1, 1, 0, 0, 1, 0]

  it('binary scores for the positive class', () => {
    expect(accuracy(predictions, targets)).toBe(6 / 8)
    expect(precision(predictions, targets)).toBe(3 / 4)
    expect(recall(predictions, targets)).toBe(3 / 4)
    expect(f1(predictions, targets)).toBe(3 / 4)
    // With 0 as the positive class: TP 3, FP 1, FN 1.
    expect(precision(predictions, targets, { positive: 0 })).toBe(3 / 4)
  })

  it('macro averages over classes', () => {
    // targets 0 0 1 1 2 2, predictions 0 1 1 1 2 0
    // class 0: TP 1, FP 1, FN 1 → P 1/2, R 1/2, F1 1/2
    // class 1: TP 2, FP 1, FN 0 → P 2/3, R 1,   F1 4/5
    // class 2: TP 1, FP 0, FN 1 → P 1,   R 1/2, F1 2/3
    const t = [0, 0, 1, 1, 2, 2]
    const p = [0, 1, 1, 1, 2, 0]
    expect(precision(p, t, { average: 'macro' })).toBeCloseTo((1 / 2 + 2 / 3 + 1) / 3, 12)
    expect(recall(p, t, { average: 'macro' })).toBeCloseTo((1 / 2 + 1 + 1 / 2) / 3, 12)
    expect(f1(p, t, { average: 'macro' })).toBeCloseTo((1 / 2 + 4 / 5 + 2 / 3) / 3, 12)
    // A fourth, absent class scores 0 when numClasses asks for it.
    expect(f1(p, t, { average: 'macro', numClasses: 4 })).toBeCloseTo((1 / 2 + 4 / 5 + 2 / 3) / 4, 12)
  })

  it('scores 0 instead of dividing by zero', () => {
    expect(precision([0, 0], [1, 0])).toBe(0)
    expect(recall([1, 0], [0, 0])).toBe(0)
    expect(f1([0, 0], [0, 0])).toBe(0)
  })

  it('takes the argmax of [N, C] score tensors', () => {
    const logits = tensor([
      [2, 1, 0],
      [0, 3, 1],
      [0, 0, 5],
      [4, 0, 0],
    ])
    expect(accuracy(logits, tensor([0, 1, 1, 0], { dtype: 'int32' }))).toBe(3 / 4)
  })

  it('explains mismatched lengths and non-integer labels', () => {
    expect(() => accuracy([1, 2], [1])).toThrow(/predictions have 2 entries but targets have 1/)
    expect(() => accuracy([0.5], [1])).toThrow(/predictions\[0\] = 0.5 is not a class label/)
  })
})

describe('classification metric laws', () => {
  it('precision, recall and F1 lie in [0, 1], binary and macro', () => {
    fc.assert(
      fc.property(labels(4), ([p, t]) => {
        for (const score of [precision, recall, f1]) {
          for (const options of [{}, { average: 'macro' as const }]) {
            const s = score(p, t, options)
            expect(s).toBeGreaterThanOrEqual(0)
            expect(s).toBeLessThanOrEqual(1)
          }
        }
      }),
    )
  })

  it('perfect predictions score 1', () => {
    fc.assert(
      fc.property(labels(4), ([, t]) => {
        expect(accuracy(t, t)).toBe(1)
        expect(f1(t, t, { average: 'macro' })).toBe(1)
        expect(precision(t, t, { average: 'macro' })).toBe(1)
        if (t.includes(1)) expect(recall(t, t)).toBe(1)
      }),
    )
  })

  it('F1 is the harmonic mean of precision and recall', () => {
    fc.assert(
      fc.property(labels(2), ([p, t]) => {
        const pr = precision(p, t)
        const re = recall(p, t)
        expect(f1(p, t)).toBeCloseTo(pr + re === 0 ? 0 : (2 * pr * re) / (pr + re), 12)
      }),
    )
  })
})

describe('confusionMatrix', () => {
  it('counts true classes in rows and predictions in columns', () => {
    expect(confusionMatrix([0, 1, 1, 1, 2, 0], [0, 0, 1, 1, 2, 2])).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ])
    expect(confusionMatrix([0], [0], { numClasses: 2 })).toEqual([
      [1, 0],
      [0, 0],
    ])
  })

  it('has row sums equal to the class counts and a trace equal to the number correct', () => {
    fc.assert(
      fc.property(labels(5), ([p, t]) => {
        const m = confusionMatrix(p, t, { numClasses: 5 })
        m.forEach((row, c) => {
          expect(row.reduce((a, b) => a + b, 0)).toBe(t.filter((label) => label === c).length)
        })
        expect(m.reduce((sum, row, c) => sum + row[c]!, 0)).toBe(
          p.filter((label, i) => label === t[i]).length,
        )
      }),
    )
  })

  it('rejects labels outside the classes', () => {
    expect(() => confusionMatrix([3], [0], { numClasses: 2 })).toThrow(/outside 0..1/)
  })

  it('formats an aligned table', () => {
    const text = formatConfusionMatrix([
      [5, 0],
      [12, 100],
    ])
    expect(text).toBe(['true\\pred    0    1', '0            5    0', '1           12  100'].join('\n'))
  })
})

describe('rocAuc', () => {
  it('matches hand-computed values, ties counting one half', () => {
    // Positives 0.8, 0.4; negatives 0.6, 0.2: pairs (0.8>0.6, 0.8>0.2, 0.4<0.6, 0.4>0.2) → 3/4.
    expect(rocAuc([0.8, 0.4, 0.6, 0.2], [1, 1, 0, 0])).toBe(3 / 4)
    // Positive 0.5 vs negatives 0.5 (tie, ½) and 0.1 (win) → 1.5 / 2.
    expect(rocAuc([0.5, 0.5, 0.1], [1, 0, 0])).toBe(3 / 4)
    expect(rocAuc([0.9, 0.8, 0.1], [1, 1, 0])).toBe(1)
  })

  it('equals the fraction of (positive, negative) pairs ranked correctly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2, maxLength: 30 }),
        (samples) => {
          const scores = samples.map(([s]) => s)
          const targets = samples.map(([, positive]) => (positive ? 1 : 0))
          const pos = scores.filter((_, i) => targets[i] === 1)
          const neg = scores.filter((_, i) => targets[i] === 0)
          fc.pre(pos.length > 0 && neg.length > 0)
          let wins = 0
          for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0
          expect(rocAuc(scores, targets)).toBeCloseTo(wins / (pos.length * neg.length), 12)
        },
      ),
    )
  })

  it('reversing distinct scores gives 1 − AUC', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }),
        fc.integer(),
        (scores, seed) => {
          const targets = scores.map((_, i) => (i === 0 ? 0 : i === 1 ? 1 : (seed >> (i % 31)) & 1))
          expect(
            rocAuc(
              scores.map((s) => -s),
              targets,
            ),
          ).toBeCloseTo(1 - rocAuc(scores, targets), 12)
        },
      ),
    )
  })

  it('needs both classes', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow(/needs both classes.*2 positives and 0 negatives/)
  })
})

describe('regression metrics', () => {
  it('match hand-computed values', () => {
    // errors: 1, -2, 0.5 → squares 1, 4, 0.25; absolute 1, 2, 0.5
    const p = [2, 0, 3.5]
    const t = [1, 2, 3]
    expect(mse(p, t)).toBeCloseTo(5.25 / 3, 12)
    expect(mae(p, t)).toBeCloseTo(3.5 / 3, 12)
    // mean(t) = 2, SS_tot = 1 + 0 + 1 = 2, SS_res = 5.25 → r2 = 1 − 5.25/2
    expect(r2(p, t)).toBeCloseTo(1 - 5.25 / 2, 12)
    expect(mse(tensor([[1, 2]]), tensor([[1, 4]]))).toBe(2)
  })

  it('perfect predictions have zero error and r2 = 1; predicting the mean has r2 = 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (t) => {
          expect(mse(t, t)).toBe(0)
          expect(mae(t, t)).toBe(0)
          expect(r2(t, t)).toBe(1)
          const mean = t.reduce((a, b) => a + b, 0) / t.length
          if (t.some((v) => Math.abs(v - mean) > 1e-6))
            expect(
              r2(
                t.map(() => mean),
                t,
              ),
            ).toBeCloseTo(0, 9)
        },
      ),
    )
  })
})
