import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })

// q [nq][d], k [nk][d], v [nk][dv]: a different number of queries and keys catches a softmax over the wrong axis.
const attentionArgs = fc
  .record({
    queries: fc.integer({ min: 1, max: 4 }),
    keys: fc.integer({ min: 1, max: 4 }),
    d: fc.integer({ min: 1, max: 4 }),
    dv: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ queries, keys, d, dv }) => fc.tuple(matrix(queries, d), matrix(keys, d), matrix(keys, dv)))

export default defineSpec({
  args: attentionArgs,
  examples: [
    // d = 4: dividing by d, by nothing, or by √d all differ.
    [
      [[1, 1, 1, 1]],
      [
        [1, 1, 1, 1],
        [0, 0, 0, 0],
      ],
      [[1], [0]],
    ],
    // Two queries, three keys: each query's weights (a row) must add up to 1.
    [
      [
        [1, 0],
        [0, 2],
      ],
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [
        [1, 0],
        [0, 1],
        [2, 2],
      ],
    ],
    // One query, two keys: a softmax over the queries would give every weight 1.
    [
      [[2, -1]],
      [
        [1, 0],
        [0, 1],
      ],
      [[10], [-10]],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
