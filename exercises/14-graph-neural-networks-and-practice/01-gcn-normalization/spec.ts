import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// 1 to 6 nodes and up to 8 edges between distinct nodes (repeats and both directions allowed).
const graphArgs = fc.integer({ min: 1, max: 6 }).chain((numNodes) =>
  fc.tuple(
    fc.constant(numNodes),
    numNodes < 2
      ? fc.constant([] as [number, number][])
      : fc.array(
          fc
            .tuple(fc.integer({ min: 0, max: numNodes - 1 }), fc.integer({ min: 0, max: numNodes - 1 }))
            .filter(([u, v]) => u !== v),
          { maxLength: 8 },
        ),
  ),
)

export default defineSpec({
  args: graphArgs,
  examples: [
    // A path 0 — 1 — 2: degrees 2, 3, 2 with self-loops; off-diagonal entries 1/√6.
    [
      3,
      [
        [0, 1],
        [1, 2],
      ],
    ],
    // Edges listed in one direction only must still be symmetric.
    [
      3,
      [
        [1, 0],
        [2, 1],
      ],
    ],
    // A lonely node: without the self-loop its degree is 0.
    [2, []],
    // A repeated edge counts once.
    [
      4,
      [
        [0, 1],
        [1, 0],
        [0, 1],
        [2, 3],
        [1, 2],
      ],
    ],
    // A star: the row and column degrees differ, so D^-1 · (A + I) is not symmetric and is caught.
    [
      4,
      [
        [0, 1],
        [0, 2],
        [0, 3],
      ],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
