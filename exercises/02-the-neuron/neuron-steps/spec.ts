import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true })

// Inputs and weights of the same length (0 to 6), and a bias.
const neuronArgs = fc
  .integer({ min: 0, max: 6 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      value,
    ),
  )

export default defineSpec({
  args: neuronArgs,
  examples: [
    // No inputs: only the bias counts, and σ(0) = 0.5 (tanh gives 0, ReLU gives 0).
    [[], [], 0],
    // A missing bias gives σ(1) instead of σ(3).
    [[1], [1], 2],
    // A negative sum: ReLU gives 0, tanh gives a negative number.
    [[1, 2], [-1, -1], 0.5],
    // Every element matters: a loop that skips the first or the last one is off.
    [[1, 2, 3], [0.5, -1, 2], 0.1],
    [[2, -1, 0.5, 3], [-0.5, 0.25, 2, -1], -0.3],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
