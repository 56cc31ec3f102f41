import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// Halves from -10 to 10: readable counterexamples, and no near-zero variances that only test rounding.
const value = fc.integer({ min: -20, max: 20 }).map((k) => k / 2)

export default defineSpec({
  args: fc.tuple(fc.array(value, { minLength: 1, maxLength: 8 }), fc.constantFrom(1e-5, 0.01, 0.5, 1)),
  examples: [
    // Variance 1.25 over n (1.667 over n − 1): dividing by n − 1 is caught here.
    [[1, 2, 3, 4], 1e-5],
    // A large ε: (x − μ) / √(σ² + ε) differs clearly from (x − μ) / (σ + ε).
    [[1, 3], 1],
    // All equal: zero variance, so the output is all zeros (thanks to ε), not NaN.
    [[2, 2, 2], 0.01],
    // Forgetting the square root changes everything whose variance is not 1.
    [[-4, 0, 10], 1e-5],
    [[5], 0.5],
  ],
  tolerance: { rtol: 1e-7, atol: 1e-9 },
})
