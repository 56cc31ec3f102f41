import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })

const slopeArgs = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
      fc.integer({ min: 0, max: 15 }),
    ),
  )

export default defineSpec({
  args: slopeArgs,
  examples: [
    // One step cannot tell accumulation apart; two steps can.
    [[1, 2], [2, 4], 1],
    [[1, 2], [2, 4], 2],
    [[1, -1, 2], [3, -3, 6], 10],
    [[0.5, 1.5], [-1, 2], 5],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
