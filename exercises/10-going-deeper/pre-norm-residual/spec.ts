import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })
const vector = (n: number) => fc.array(value, { minLength: n, maxLength: n })

const blockArgs = fc
  .integer({ min: 2, max: 4 })
  .chain((n) => fc.tuple(vector(n), fc.array(vector(n), { minLength: n, maxLength: n })))

export default defineSpec({
  args: blockArgs,
  examples: [
    [
      [1, 3],
      [
        [1, 0],
        [0.5, -1],
      ],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
