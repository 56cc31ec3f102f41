import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// One example: C positive weights normalised into probabilities, and a target class.
const example = (classes: number) =>
  fc.tuple(
    fc
      .array(fc.integer({ min: 1, max: 9 }), { minLength: classes, maxLength: classes })
      .map((weights) => weights.map((w) => w / weights.reduce((a, b) => a + b, 0))),
    fc.integer({ min: 0, max: classes - 1 }),
  )

const batch = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }))
  .chain(([size, classes]) => fc.array(example(classes), { minLength: size, maxLength: size }))
  .map((rows) => [rows.map(([p]) => p), rows.map(([, target]) => target)])

export default defineSpec({
  args: batch,
  examples: [
    // Two different examples: returning inside the loop or forgetting the mean both show.
    [
      [
        [0.7, 0.2, 0.1],
        [0.1, 0.3, 0.6],
      ],
      [0, 1],
    ],
    [
      [
        [0.5, 0.5],
        [0.9, 0.1],
        [0.25, 0.75],
      ],
      [1, 0, 1],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
