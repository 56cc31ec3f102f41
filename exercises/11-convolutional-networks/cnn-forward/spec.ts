import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -3, max: 3 })
const grid = (n: number) =>
  fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: n, maxLength: n })

// A 5 × 5 image, a 2 × 2 kernel, 4 weights for the pooled 2 × 2 map, and a bias.
const cnnArgs = fc.tuple(grid(5), grid(2), fc.array(value, { minLength: 4, maxLength: 4 }), value)

export default defineSpec({
  args: cnnArgs,
  examples: [
    [
      [
        [1, 0, -1, 2, 0],
        [0, 2, 1, -1, 1],
        [-2, 1, 0, 1, 3],
        [1, -1, 2, 0, -2],
        [0, 1, 1, -1, 1],
      ],
      [
        [1, -1],
        [-1, 1],
      ],
      [1, -2, 0.5, 1],
      0.25,
    ],
  ],
})
