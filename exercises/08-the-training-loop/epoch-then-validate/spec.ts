import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })
const points = (n: number) => fc.array(value, { minLength: n, maxLength: n })

// Training points (2 to 8), validation points (1 to 4), 1 to 4 epochs, batches of 1 to 4.
const trainArgs = fc
  .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 4 }))
  .chain(([n, m]) =>
    fc.tuple(
      points(n),
      points(n),
      points(m),
      points(m),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.double({ min: 0.01, max: 0.05, noNaN: true }),
    ),
  )

export default defineSpec({
  args: trainArgs,
  examples: [
    // Validating before the epoch's steps reports the untrained model first (loss 14.5 here).
    [[1, 2, 3, 4], [3, 5, 7, 9], [0, 5], [1, 11], 3, 2, 0.05],
    [[-2, -1, 0, 1, 2], [-3, -1, 1, 3, 5], [3], [7], 2, 2, 0.03],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
