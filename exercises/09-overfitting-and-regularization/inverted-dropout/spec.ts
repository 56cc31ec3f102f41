import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const dropoutArgs = fc
  .integer({ min: 0, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: n, maxLength: n }),
      fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    ),
  )

export default defineSpec({
  args: dropoutArgs,
  examples: [[[1, 2, 3, 4], [0.1, 0.9, 0.4, 0.6], 0.5]],
  tolerance: { rtol: 1e-12, atol: 1e-12 },
})
