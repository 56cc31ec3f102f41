import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Halves keep every gradient exact and readable.
const value = fc.integer({ min: -8, max: 8 }).map((halves) => halves / 2)

const data = fc
  .integer({ min: 1, max: 6 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      value,
      value,
    ),
  )

export default defineSpec({
  args: data,
  examples: [
    // One example, x = 2: error 2·1 + 0 − 1 = 1, so w: 2·1·2 = 4 (forgetting the x gives 2), b: 2.
    [[2], [1], 1, 0],
    // Two examples: the mean, not the sum; the error's sign must be prediction − target.
    [[1, 3], [0, 2], 1, 1],
    // The bias matters in the error; x = −1 shows a missing or squared factor x.
    [[-1, 2, 0.5], [1, -1, 2], -0.5, 1.5],
  ],
  tolerance: { rtol: 1e-12, atol: 1e-12 },
})
