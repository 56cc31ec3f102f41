import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -5, max: 5 })

// 1 to 6 nodes with 1 to 3 features, and a set of distinct undirected edges between distinct nodes.
const graphArgs = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
  .chain(([numNodes, width]) => {
    const pairs: [number, number][] = []
    for (let u = 0; u < numNodes; u++) for (let v = u + 1; v < numNodes; v++) pairs.push([u, v])
    return fc.tuple(
      fc.array(fc.array(value, { minLength: width, maxLength: width }), {
        minLength: numNodes,
        maxLength: numNodes,
      }),
      fc
        .subarray(pairs)
        .map((chosen) => chosen.map(([u, v]) => ((u + v) % 2 === 0 ? [v, u] : [u, v]) as [number, number])),
    )
  })

export default defineSpec({
  args: graphArgs,
  examples: [
    // One friendship: both ends must hear from each other.
    [[[2], [4]], [[0, 1]]],
    // A lonely node keeps its own vector.
    [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [[0, 1]],
    ],
    // The lesson's five friends.
    [
      [[4], [2], [0], [6], [8]],
      [
        [0, 1],
        [0, 2],
        [1, 2],
        [2, 3],
        [3, 4],
      ],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
