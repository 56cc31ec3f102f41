import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })

// 1 to 10 points, a starting line, a small learning rate and a batch size from 1 to 5.
const epochArgs = fc
  .integer({ min: 1, max: 10 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
      value,
      value,
      fc.double({ min: 0.001, max: 0.05, noNaN: true }),
      fc.integer({ min: 1, max: 5 }),
    ),
  )

export default defineSpec({
  args: epochArgs,
  examples: [
    // 5 points in batches of 2: a last batch of 1 (reading past the end gives NaN; dividing by 2 halves its step).
    [[1, 2, 3, 4, 5], [2, 4, 6, 8, 10], 0, 0, 0.05, 2],
    // Batches that divide the data exactly: two steps, not one and not five.
    [[-1, 0, 1, 2], [1, 1, 3, 5], 0.5, -0.5, 0.05, 2],
    // One batch holding everything: a single full-batch step.
    [[1, 2, 3], [1, 0, -1], 0, 0, 0.1, 3],
    // A batch larger than the data.
    [[2, -1], [1, 2], 1, 1, 0.05, 4],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
