import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const score = fc.integer({ min: -40, max: 40 }).map((tenths) => tenths / 10)

// 2 to 5 scores and a target class among them.
const example = fc
  .integer({ min: 2, max: 5 })
  .chain((classes) =>
    fc.tuple(
      fc.array(score, { minLength: classes, maxLength: classes }),
      fc.integer({ min: 0, max: classes - 1 }),
    ),
  )

export default defineSpec({
  args: example,
  examples: [
    // The lesson's example: −log(0.7054) ≈ 0.3490.
    [[2, 1, -1], 0],
    // The right class is not the top score (catches using max instead of scores[target]).
    [[2, 1, -1], 2],
    // Large scores: Math.exp(1000) is Infinity without the shift.
    [[1000, 998, 0], 1],
    // All scores negative: a shift that is not added back is off by max.
    [[-3, -1, -2], 0],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
