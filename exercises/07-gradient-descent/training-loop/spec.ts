import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -6, max: 6 }).map((halves) => halves / 2)

// 2 to 5 points, a small learning rate and a few epochs (each run trains a model, so few runs).
const problem = fc
  .integer({ min: 2, max: 5 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      fc.constantFrom(0.01, 0.02, 0.05, 0.1),
      fc.integer({ min: 1, max: 6 }),
    ),
  )

export default defineSpec({
  args: problem,
  examples: [
    // Three epochs on y = 2x + 1: gradients that pile up overshoot from the second epoch on.
    [[0, 1, 2], [1, 3, 5], 0.05, 3],
    // A single epoch: clearing in the wrong place leaves w and b at 0.
    [[1, 2], [2, 1], 0.1, 1],
    [[-1, 0.5, 2, 3], [2, 0, -1.5, -3], 0.02, 5],
  ],
  numRuns: 40,
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
