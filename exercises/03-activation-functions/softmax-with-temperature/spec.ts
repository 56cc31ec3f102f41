import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −10 and 10: a failing input stays readable.
const score = fc.integer({ min: -100, max: 100 }).map((tenths) => tenths / 10)

export default defineSpec({
  args: fc.tuple(fc.array(score, { minLength: 1, maxLength: 6 })),
  examples: [
    // Ignoring the temperature, or multiplying by it, gives other probabilities here.
    [[1, 2, 3]],
    // Without subtracting the maximum, e^(3000 / T) overflows and the result is NaN.
    [[3000, 3001, 2999]],
    // One score: probability 1.
    [[0.5]],
    // Equal scores: uniform, whatever the temperature.
    [[-2, -2]],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
