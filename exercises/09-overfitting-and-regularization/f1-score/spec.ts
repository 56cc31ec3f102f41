import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const bit = fc.integer({ min: 0, max: 1 })

const labelArgs = fc
  .integer({ min: 0, max: 12 })
  .chain((n) =>
    fc.tuple(fc.array(bit, { minLength: n, maxLength: n }), fc.array(bit, { minLength: n, maxLength: n })),
  )

export default defineSpec({
  args: labelArgs,
  examples: [
    // TP 2, FP 1, FN 3, TN 1: precision 2/3, recall 2/5, F1 0.5 (arithmetic mean 0.533, accuracy 3/7).
    [
      [1, 1, 1, 0, 0, 0, 0],
      [1, 1, 0, 1, 1, 1, 0],
    ],
    // TP 1, FP 0, FN 3, TN 4: F1 0.4, accuracy 0.625, arithmetic mean 0.625.
    [
      [1, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 0, 0, 0, 0],
    ],
    // No positive predicted and none present: 0, not NaN.
    [
      [0, 0, 0],
      [0, 0, 0],
    ],
    // Only false positives: precision 0, recall undefined: 0.
    [
      [1, 1],
      [0, 0],
    ],
    // Precision and recall swapped do not change F1, but counting TN as TP does.
    [
      [0, 0, 1, 1],
      [0, 0, 1, 0],
    ],
    [[], []],
  ],
  tolerance: { rtol: 1e-12, atol: 1e-12 },
})
