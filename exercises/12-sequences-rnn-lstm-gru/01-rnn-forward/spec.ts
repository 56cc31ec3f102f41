import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true })
const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })

// (inputs [T][I], wIh [H][I], wHh [H][H], bias [H]) with T in 0..5, I in 1..3, H in 1..3.
const rnnArgs = fc
  .record({
    steps: fc.integer({ min: 0, max: 5 }),
    inputSize: fc.integer({ min: 1, max: 3 }),
    hidden: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ steps, inputSize, hidden }) =>
    fc.tuple(
      matrix(steps, inputSize),
      matrix(hidden, inputSize),
      matrix(hidden, hidden),
      fc.array(value, { minLength: hidden, maxLength: hidden }),
    ),
  )

export default defineSpec({
  args: rnnArgs,
  examples: [
    // No steps: no states (returning the initial zeros is off by one).
    [[], [[1]], [[0.5]], [0]],
    // One unit, a pulse then silence: the state must carry over (no recurrence gives 0 at step 2).
    [[[1], [0], [0]], [[1]], [[0.8]], [0]],
    // Two units that read each other: updating h in place lets unit 1 see unit 0's new value.
    [
      [[1], [-1], [0.5]],
      [[1], [0.5]],
      [
        [0.5, -1],
        [1.5, 0.5],
      ],
      [0.1, -0.2],
    ],
    // A bias alone must move the state; tanh (not sigmoid or ReLU) keeps negatives negative.
    [
      [
        [0, 0],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 1],
      ],
      [
        [0, 0],
        [0, 0],
      ],
      [-0.5, 0.3],
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
