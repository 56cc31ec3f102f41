import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })

// 1 to 5 positions with 1 to 3 features each.
const sequence = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
  .chain(([positions, d]) =>
    fc.array(fc.array(value, { minLength: d, maxLength: d }), { minLength: positions, maxLength: positions }),
  )

export default defineSpec({
  args: fc.tuple(sequence),
  examples: [
    // Position 0 sees only itself, so its output is its own row.
    [
      [
        [1, 0],
        [0, 1],
        [5, 5],
      ],
    ],
    // The last position sees everything; a mask applied after the softmax shrinks earlier outputs.
    [[[2], [-1], [0.5], [3]]],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
