import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -6, max: 6 }).map((halves) => halves / 2)

const epoch = fc
  .integer({ min: 1, max: 7 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      value,
      fc.constantFrom(0.01, 0.05, 0.1),
      fc.integer({ min: 1, max: 4 }),
    ),
  )

export default defineSpec({
  args: epoch,
  examples: [
    // Five examples in batches of 2: three updates, the last on a single example.
    [[1, 2, -1, 0.5, 3], [2, 3, -2, 1, 5], 0, 0.1, 2],
    [[2, -1, 1], [1, 1, -2], 1, 0.05, 1],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
