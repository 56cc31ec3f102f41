import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

export default defineSpec({
  args: fc.tuple(
    fc.integer({ min: 1, max: 15 }),
    fc.integer({ min: 1, max: 15 }),
    fc.integer({ min: 0, max: 5 }),
  ),
  examples: [
    // A tiny flat far out: the linear model is negative, so the clip must come after it.
    [2, 3, 0],
    // A large central flat.
    [10, 8, 3],
  ],
})
