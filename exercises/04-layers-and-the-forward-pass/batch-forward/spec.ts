import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −3 and 3: a failing input stays readable.
const value = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)
const matrix = (rows: number, columns: number) =>
  fc.array(fc.array(value, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })

// inputs [batch][in], weights [out][in], bias [out].
const batchArgs = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([batch, inputs, outputs]) =>
    fc.tuple(
      matrix(batch, inputs),
      matrix(outputs, inputs),
      fc.array(value, { minLength: outputs, maxLength: outputs }),
    ),
  )

export default defineSpec({
  args: batchArgs,
  examples: [
    // Two examples, two neurons with different biases: a bias picked by example is off.
    [
      [
        [1, 2],
        [3, -1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      [10, -10],
    ],
    // Three examples, one neuron: bias[example] runs past the end of the bias.
    [[[1], [2], [-3]], [[2]], [0.5]],
    // Negative sums take the leaky side; the activation before the bias differs here.
    [
      [[-1, -1]],
      [
        [1, 1],
        [2, 0],
      ],
      [0.5, 1],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
