import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Quarters keep the squares and means exact and easy to read in a counterexample.
const value = fc.integer({ min: -20, max: 20 }).map((quarters) => quarters / 4)

const pairs = fc
  .integer({ min: 1, max: 6 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
    ),
  )

export default defineSpec({
  args: pairs,
  examples: [
    // The sum is 2, the mean 1.
    [
      [1, 1],
      [0, 0],
    ],
    // Dividing by n − 1 gives 2.5 instead of 5/3; |error| gives 1 instead of 5/3.
    [
      [3, 0, 2],
      [1, 0, 1],
    ],
    // Errors of both signs: squaring must not let them cancel.
    [
      [2, -1, 0.5, 4],
      [1, 1, 0.5, 3],
    ],
  ],
  tolerance: { rtol: 1e-12, atol: 1e-12 },
})
