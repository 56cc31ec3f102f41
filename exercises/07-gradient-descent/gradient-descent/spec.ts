import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

export default defineSpec({
  // start, lr and steps; learning rates up to 1.2 include runs that oscillate and diverge.
  args: fc.tuple(
    fc.integer({ min: -10, max: 10 }),
    fc.integer({ min: 1, max: 120 }).map((hundredths) => hundredths / 100),
    fc.integer({ min: 0, max: 8 }),
  ),
  examples: [
    // No steps: only the start.
    [0, 0.1, 0],
    // A few ordinary steps from far away: a wrong sign walks away from the target.
    [9, 0.1, 3],
    [-8, 0.25, 4],
    // A learning rate that overshoots.
    [7, 0.9, 3],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-9 },
})
