import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })

// x and weights of the same length (0 to 5), and a bias.
const occlusionArgs = fc
  .integer({ min: 0, max: 5 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
      value,
    ),
  )

export default defineSpec({
  args: occlusionArgs,
  examples: [
    // Three non-zero features: blanks that pile up change the second and third drops.
    [[1, 2, -1], [0.5, -1, 2], 0.2],
    [[2, 1], [1, 1], 0],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
