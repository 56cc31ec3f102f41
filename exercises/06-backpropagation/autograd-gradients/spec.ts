import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -20, max: 20 }).map((tenths) => tenths / 10)

const neuron = fc
  .integer({ min: 1, max: 4 })
  .chain((length) =>
    fc.tuple(
      fc.array(value, { minLength: length, maxLength: length }),
      fc.array(value, { minLength: length, maxLength: length }),
      value,
      value,
    ),
  )

export default defineSpec({
  args: neuron,
  examples: [
    // ŷ = tanh(0.5) ≈ 0.4621, far from y = −1: the loss's 2(ŷ − y) factor matters.
    [[1, 2], [0.5, -0.25], 0.5, -1],
    // The gradient of the prediction alone differs from the gradient of the loss.
    [[1.5], [0.8], 0, 0.2],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
