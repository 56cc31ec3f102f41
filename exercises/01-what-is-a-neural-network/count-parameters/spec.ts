import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

export default defineSpec({
  args: fc.tuple(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 })),
  examples: [
    // The lesson's example: 13. Forgetting biases gives 9; biases on the inputs too gives 15.
    [[2, 3, 1]],
    // A lone layer has no parameters (a loop starting at 0 reads sizes[-1]).
    [[4]],
    // Uneven sizes: multiplying the wrong pair or counting the input biases differs here.
    [[3, 5, 2, 4]],
    [[1, 1]],
  ],
})
