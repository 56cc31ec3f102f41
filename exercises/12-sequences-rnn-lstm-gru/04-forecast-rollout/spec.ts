import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true })
const rnn = fc.record({ wx: value, wh: value, b: value, wy: value, by: value })

export default defineSpec({
  args: fc.tuple(fc.array(value, { maxLength: 5 }), fc.integer({ min: 0, max: 4 }), rnn),
  examples: [
    // Reading the history after forecasting would predict from h = 0.
    [[1, 0.5, -0.5], 3, { wx: 1, wh: 0.5, b: 0, wy: 2, by: 0.1 }],
    // Feeding back the prediction matters from the second step on.
    [[0.3], 3, { wx: 1.5, wh: -0.5, b: 0.2, wy: 1, by: -0.2 }],
    [[], 2, { wx: 1, wh: 1, b: 0.5, wy: 1, by: 0.5 }],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
