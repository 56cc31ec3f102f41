import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Losses from a few values, so ties and plateaus are common.
const loss = fc.constantFrom(0.5, 0.75, 1, 1.25, 1.5, 2)

export default defineSpec({
  args: fc.tuple(fc.array(loss, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 })),
  examples: [
    // A tie at epoch 2 is not an improvement: stop at 3 with patience 2, best epoch 1.
    [[3, 2, 2, 2.5, 1], 2],
    // Stop exactly when patience runs out, not one epoch later.
    [[1, 2, 3, 4, 0.5], 3],
    // Never stops: the last epoch.
    [[3, 2, 1], 1],
    [[1, 1, 1, 1], 4],
  ],
})
