import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −10 and 10: a failing input stays readable.
const value = fc.integer({ min: -100, max: 100 }).map((tenths) => tenths / 10)

export default defineSpec({
  args: fc.tuple(fc.array(value, { maxLength: 8 })),
  examples: [
    // Negative, zero and positive values: a swapped branch or a plain ReLU fails here.
    [[-2, -0.5, 0, 1, 3]],
    [[]],
  ],
})
