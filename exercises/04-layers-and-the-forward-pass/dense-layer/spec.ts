import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −3 and 3: a failing input stays readable.
const value = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)

// A layer of `out` neurons reading `in` inputs: weights [out][in], bias [out], input [in].
const layerArgs = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([outputs, inputs]) =>
    fc.tuple(
      fc.array(fc.array(value, { minLength: inputs, maxLength: inputs }), {
        minLength: outputs,
        maxLength: outputs,
      }),
      fc.array(value, { minLength: outputs, maxLength: outputs }),
      fc.array(value, { minLength: inputs, maxLength: inputs }),
    ),
  )

export default defineSpec({
  args: layerArgs,
  examples: [
    // 2 neurons, 3 inputs: indexing weights[i][j] instead of weights[j][i] breaks here.
    [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [0.5, -1],
      [1, 0, -1],
    ],
    // A negative sum: an added ReLU would give 0 instead of −3.
    [[[1, 1]], [0], [-1, -2]],
    // A square layer with a non-zero bias.
    [
      [
        [0.5, -1],
        [2, 0],
      ],
      [1, 2],
      [2, 3],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
