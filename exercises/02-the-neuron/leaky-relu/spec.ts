import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

export default defineSpec({
  args: fc.tuple(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 8 })),
  examples: [[[-2, -0.5, 0, 1, 3]], [[]]],
})
