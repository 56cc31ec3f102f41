import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Halves from -10 to 10: readable counterexamples, and no near-zero variances that only test rounding.
const value = fc.integer({ min: -20, max: 20 }).map((k) => k / 2)

// A batch of 2 to 5 examples with 1 to 4 features each.
const batchArgs = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, features]) =>
    fc.tuple(
      fc.array(fc.array(value, { minLength: features, maxLength: features }), {
        minLength: rows,
        maxLength: rows,
      }),
      fc.constantFrom(1e-5, 0.1),
    ),
  )

export default defineSpec({
  args: batchArgs,
  examples: [
    // 3 examples × 2 features: normalising rows instead of columns, or dividing by 2, is off.
    [
      [
        [1, 10],
        [2, 20],
        [6, 60],
      ],
      1e-5,
    ],
    // 2 examples × 3 features.
    [
      [
        [0, 5, -1],
        [4, 5, 3],
      ],
      0.1,
    ],
  ],
  tolerance: { rtol: 1e-7, atol: 1e-9 },
})
