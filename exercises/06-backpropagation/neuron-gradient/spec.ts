import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -20, max: 20 }).map((tenths) => tenths / 10)

// Inputs and weights of the same length (1 to 4), a bias and a target of 0 or 1.
const neuron = fc
  .integer({ min: 1, max: 4 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      value,
      fc.constantFrom(0, 1),
    ),
  )

export default defineSpec({
  args: neuron,
  examples: [
    // z = 0, p = 0.5: dL/dz = 2·(0.5 − 1)·0.25 = −0.25; without σ' it is −1.
    [[1, 2], [0.5, -0.3], 0.1, 1],
    // z far from 0: σ'(z) = p(1 − p) differs from σ(z) and from z(1 − z).
    [[2], [1.5], 0.5, 0],
    // A negative input: the weight's gradient takes its sign from x.
    [[-1, 0.5, 2], [0.2, -1, 0.4], -0.3, 1],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
