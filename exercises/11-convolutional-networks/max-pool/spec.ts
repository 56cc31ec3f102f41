import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -9, max: 9 })

// Maps from 1 × 1 to 7 × 7 (not always a multiple of the window).
const mapArgs = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
  .chain(([rows, cols]) =>
    fc.tuple(
      fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    ),
  )

const negative6x6 = Array.from({ length: 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => -1 - r - c))

export default defineSpec({
  args: mapArgs,
  examples: [
    // All negative: the maximum of each window is negative, never 0.
    [negative6x6],
    // Mixed signs and leftover rows and columns.
    [
      [
        [1, -3, 2, 0, 5, -1, 4],
        [-2, 4, -1, 1, 0, 2, 3],
        [0, -5, 3, -2, -4, 1, 2],
        [6, 1, -1, 0, 2, 2, -3],
        [-1, -1, -2, -3, -4, -5, -6],
        [2, 0, 1, 3, -2, 1, 0],
        [1, 1, 1, 1, 1, 1, 1],
      ],
    ],
  ],
})
