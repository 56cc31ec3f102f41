import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −3 and 3: a failing input stays readable.
const value = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)
const matrix = (rows: number, columns: number) =>
  fc.array(fc.array(value, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })
const vector = (length: number) => fc.array(value, { minLength: length, maxLength: length })

// x [in], w1 [hidden][in], b1 [hidden], w2 [out][hidden], b2 [out].
const mlpArgs = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }))
  .chain(([inputs, hidden, outputs]) =>
    fc.tuple(
      vector(inputs),
      matrix(hidden, inputs),
      vector(hidden),
      matrix(outputs, hidden),
      vector(outputs),
    ),
  )

export default defineSpec({
  args: mlpArgs,
  examples: [
    // A negative hidden sum: skipping the ReLU changes the output.
    [
      [1, 2],
      [
        [1, -1],
        [-2, 0.5],
      ],
      [0, 0.5],
      [[1, 2]],
      [0.1],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
