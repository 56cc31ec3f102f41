import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Tenths between −6 and 6: a failing input stays readable.
const value = fc.integer({ min: -60, max: 60 }).map((tenths) => tenths / 10)

export default defineSpec({
  args: fc.tuple(value),
  examples: [
    // Near 0 the cubic term is small but not nothing; at ±1 a missing z factor or missing
    // cubic term is clearly off, and at −3 the dip below zero shows.
    [1],
    [-1],
    [-3],
    [2.5],
    [0],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
