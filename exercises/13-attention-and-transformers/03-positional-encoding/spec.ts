import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

export default defineSpec({
  args: fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 12 })),
  examples: [
    // Position 0: sin 0 = 0 and cos 0 = 1, alternating (swapped sin/cos gives 1, 0, …).
    [0, 4],
    // Dimensions 2 and 3 share a frequency: not pairing them changes dimension 3.
    [1, 4],
    [7, 6],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
