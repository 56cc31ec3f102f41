import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -30, max: 30 }).map((tenths) => tenths / 10)

// w, grad, m, v (an average of squares, so never negative), step t and learning rate.
const state = fc.tuple(
  value,
  value,
  value,
  fc.integer({ min: 0, max: 30 }).map((tenths) => (tenths / 10) ** 2),
  fc.integer({ min: 1, max: 50 }),
  fc.constantFrom(0.001, 0.01, 0.1),
)

export default defineSpec({
  args: state,
  examples: [
    // The first step from a fresh state moves w by about lr, whatever the gradient's size.
    [1, 4, 0, 0, 1, 0.1],
    // A negative gradient: v must average its square, never the gradient itself.
    [0.5, -2, -0.1, 0.5, 3, 0.01],
    // A later step with a small v: a missing square root changes the step a lot.
    [-1, 0.3, 0.2, 0.04, 20, 0.1],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
