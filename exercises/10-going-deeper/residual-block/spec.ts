import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })
const vector = (n: number) => fc.array(value, { minLength: n, maxLength: n })

// x, an n × n weight matrix and a bias, n from 1 to 4.
const blockArgs = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(vector(n), fc.array(vector(n), { minLength: n, maxLength: n }), vector(n)))

export default defineSpec({
  args: blockArgs,
  examples: [
    // A non-symmetric W: the transposed product gives [3, 1] + … instead of [1, 3] + ….
    [
      [1, 1],
      [
        [1, 0],
        [2, 1],
      ],
      [0, 0],
    ],
    // Negative pre-activations: relu gives 0 and only the skip remains (forgetting the skip gives 0).
    [
      [2, -1],
      [
        [-1, 0],
        [0, 1],
      ],
      [0, -1],
    ],
    // relu(x + W·x + b) differs from x + relu(W·x + b) when x is negative.
    [[-2], [[0.5]], [0.5]],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
