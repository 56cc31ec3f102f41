import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -5, max: 5 })

// Integers keep the sums exact, so the step never hinges on rounding.
const perceptronArgs = fc
  .integer({ min: 0, max: 6 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      value,
    ),
  )

export default defineSpec({
  args: perceptronArgs,
  examples: [
    [[], [], 1],
    [[1], [2], -1],
    [[2, 1], [1, -3], 0],
  ],
})
