import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const bit = fc.constantFrom(0, 1)

export default defineSpec({
  args: fc.tuple(bit, bit),
  // All four input pairs: a network computing OR, AND or NAND gets at least one wrong.
  examples: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  numRuns: 10,
})
