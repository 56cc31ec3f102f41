import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true })
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })

// features [n][in], distinct undirected edges, weight [in][out].
const layerArgs = fc
  .record({
    n: fc.integer({ min: 1, max: 5 }),
    inputs: fc.integer({ min: 1, max: 3 }),
    outputs: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ n, inputs, outputs }) => {
    const pairs: [number, number][] = []
    for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) pairs.push([u, v])
    return fc.tuple(matrix(n, inputs), fc.subarray(pairs), matrix(inputs, outputs))
  })

export default defineSpec({
  args: layerArgs,
  examples: [
    // A star 0 — {1, 2, 3}: degrees 4, 2, 2, 2 tell symmetric from row normalisation.
    [
      [[1], [2], [3], [4]],
      [
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      [[1]],
    ],
    // A negative weight: the ReLU must clip the outputs.
    [[[1], [2]], [[0, 1]], [[-1, 1]]],
    // A lonely node: its degree is 1 with the self-loop.
    [
      [
        [2, 1],
        [1, 0],
        [0, 3],
      ],
      [[0, 1]],
      [
        [1, 0],
        [0.5, 1],
      ],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
