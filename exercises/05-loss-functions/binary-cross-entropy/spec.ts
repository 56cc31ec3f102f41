import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Probabilities away from 0 and 1 keep every log finite and readable.
const probability = fc.integer({ min: 1, max: 99 }).map((percent) => percent / 100)
const label = fc.constantFrom(0, 1)

// A batch of 1 to 6 examples: probabilities and labels of the same length.
const batch = fc
  .integer({ min: 1, max: 6 })
  .chain((length) =>
    fc.tuple(
      fc.array(probability, { minLength: length, maxLength: length }),
      fc.array(label, { minLength: length, maxLength: length }),
    ),
  )

export default defineSpec({
  args: batch,
  examples: [
    // Label 0: the loss is −log(1 − 0.9) ≈ 2.303, not −log(0.9) ≈ 0.105 (log of the wrong probability).
    [[0.9], [0]],
    // Label 1, and a sign check: the loss is positive, −log(0.8).
    [[0.8], [1]],
    // Several examples: the mean, not the sum; both labels present.
    [
      [0.9, 0.2, 0.6, 0.3],
      [1, 0, 1, 1],
    ],
    [
      [0.7, 0.7],
      [0, 0],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
