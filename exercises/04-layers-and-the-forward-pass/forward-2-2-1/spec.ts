import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −3 and 3: a failing input stays readable.
const value = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)
const pair = fc.array(value, { minLength: 2, maxLength: 2 })

export default defineSpec({
  args: fc.tuple(pair, fc.array(pair, { minLength: 2, maxLength: 2 }), pair, pair, value),
  examples: [
    // The lesson's trace: 0.6337.
    [
      [1, 0.5],
      [
        [0.4, -0.2],
        [0.3, 0.8],
      ],
      [0.1, -0.5],
      [1.5, -1],
      0.2,
    ],
    // Different hidden biases: using b1[0] for both neurons is off.
    [
      [0, 0],
      [
        [1, 1],
        [1, 1],
      ],
      [2, -2],
      [1, 1],
      0,
    ],
    // Inputs far from the hidden activations: reading x instead of hidden is off.
    [
      [3, -2],
      [
        [0.5, 0.5],
        [-1, 1],
      ],
      [0, 0],
      [2, -1],
      -0.5,
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
