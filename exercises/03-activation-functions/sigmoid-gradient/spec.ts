import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −8 and 8: a failing input stays readable.
const value = fc.integer({ min: -80, max: 80 }).map((tenths) => tenths / 10)

export default defineSpec({
  args: fc.tuple(fc.array(value, { maxLength: 8 })),
  examples: [
    // σ'(0) = 0.25; z(1 − z) gives 0 there, and the tanh slope 1 − s² gives 0.75.
    [[0]],
    // Symmetric values have equal slopes; s(1 + s) or a missing scale differ.
    [[-2, 2, 5]],
    [[]],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
