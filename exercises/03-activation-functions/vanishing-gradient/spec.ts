import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −3 and 3, and up to 6 layers.
const start = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)

export default defineSpec({
  args: fc.tuple(start, fc.integer({ min: 0, max: 6 })),
  examples: [
    // Several layers: a slope taken before the update, or a return inside the loop, differs.
    [0.5, 3],
    [0, 1],
    [2, 5],
    [-1, 2],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-15 },
})
