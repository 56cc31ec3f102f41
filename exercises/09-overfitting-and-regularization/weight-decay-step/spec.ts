import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true })

const stepArgs = fc
  .integer({ min: 0, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(value, { minLength: n, maxLength: n }),
      fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    ),
  )

export default defineSpec({
  args: stepArgs,
  examples: [
    // Zero gradients: only the decay acts, and it must shrink |w| (and scale with lr).
    [[1, -2], [0, 0], 0.1],
    [[3], [0], 0.5],
    // Both terms together.
    [[2, -1, 0.5], [0.5, -0.25, 1], 0.1],
  ],
  tolerance: { rtol: 1e-12, atol: 1e-12 },
})
