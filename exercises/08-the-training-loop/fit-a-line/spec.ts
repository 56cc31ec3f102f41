import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })

// Points (1 to 6 of them), a learning rate small enough not to diverge, and 0 to 20 steps.
const fitArgs = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
      fc.double({ min: 0.001, max: 0.05, noNaN: true }),
      fc.integer({ min: 0, max: 20 }),
    ),
  )

export default defineSpec({
  args: fitArgs,
  examples: [
    // Zero steps: the starting point, exactly [0, 0] (a loop that runs once too often moves).
    [[1, 2], [3, 5], 0.1, 0],
    // One step from w = b = 0 on y = 2x + 1: the sign of the update and the factor 2 show at once.
    [[1, 2, 3], [3, 5, 7], 0.05, 1],
    // Two steps: the second b-gradient must use the old w, not the freshly updated one.
    [[-1, 0, 2], [1, -2, 4], 0.1, 2],
    // Several points: summing instead of averaging makes the steps n times too long.
    [[0, 1, 2, 3, 4], [1, 1, 2, 3, 5], 0.02, 10],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
