import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true })
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })

// x [positions][d], w1 [d][hidden], w2 [hidden][d], with d ≥ 2 so layer norm is not trivially 0.
const blockArgs = fc
  .record({
    positions: fc.integer({ min: 1, max: 4 }),
    d: fc.integer({ min: 2, max: 4 }),
    hidden: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ positions, d, hidden }) => fc.tuple(matrix(positions, d), matrix(d, hidden), matrix(hidden, d)))

export default defineSpec({
  args: blockArgs,
  examples: [
    [
      [
        [1, -1, 0.5],
        [0, 2, -1],
      ],
      [
        [1, 0],
        [0, 1],
        [1, -1],
      ],
      [
        [0.5, -1, 1],
        [1, 0.5, -0.5],
      ],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
