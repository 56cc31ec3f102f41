import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -20, max: 20 }).map((tenths) => tenths / 10)

export default defineSpec({
  args: fc.tuple(value, value, value, value),
  examples: [
    [1.5, 0.8, 0.1, 0.2],
    [-1, 0.5, -0.2, 1],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
