import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const small = fc.integer({ min: -3, max: 3 })
// Powers of two keep every update exact, so the comparison never hinges on rounding.
const rate = fc.constantFrom(0.25, 0.5, 1)

const updateArgs = fc
  .integer({ min: 1, max: 4 })
  .chain((length) =>
    fc.tuple(
      fc.array(small, { minLength: length, maxLength: length }),
      small,
      fc.array(small, { minLength: length, maxLength: length }),
      fc.constantFrom(0, 1),
      rate,
    ),
  )

export default defineSpec({
  args: updateArgs,
  examples: [
    // Said 0, should be 1: weights move towards the input (a flipped error moves them away).
    [[1, -1], 0, [1, 1], 1, 0.5],
    // Said 1, should be 0: the bias must move down too.
    [[2, 1], 0.5, [1, 2], 0, 1],
    // Right answer: nothing changes.
    [[1], 0, [1], 1, 1],
    // Inputs of different sizes: a change that ignores the input is off here.
    [[0, 0, 0], 0, [1, -2, 3], 1, 0.25],
  ],
})
