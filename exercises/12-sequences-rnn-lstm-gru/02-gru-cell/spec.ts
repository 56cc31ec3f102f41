import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })
const names = ['wir', 'whr', 'bir', 'bhr', 'wiz', 'whz', 'biz', 'bhz', 'win', 'whn', 'bin', 'bhn'] as const
const weights = fc.record(
  Object.fromEntries(names.map((name) => [name, value])) as Record<(typeof names)[number], typeof value>,
)

/** Weights that are all zero except the ones given. */
const only = (set: Partial<Record<(typeof names)[number], number>>) => ({
  ...Object.fromEntries(names.map((name) => [name, 0])),
  ...set,
})

export default defineSpec({
  args: fc.tuple(value, value, weights),
  examples: [
    // Update gate ≈ 1: the unit must keep its old state 0.7 (the swapped blend returns ≈ n).
    [0.5, 0.7, only({ biz: 12, win: 1 })],
    // Update gate ≈ 0: the unit takes the candidate tanh(1) whatever its old state.
    [1, -0.6, only({ biz: -12, win: 1 })],
    // z = 0.5 exactly, r = 0.5: the reset gate scales the hidden term including its bias.
    [0, 0.4, only({ whn: 1, bhn: 1 })],
    [
      1,
      0.3,
      {
        wir: 0.5,
        whr: -1,
        bir: 0.2,
        bhr: 0.1,
        wiz: 1,
        whz: 0.5,
        biz: -0.3,
        bhz: 0.2,
        win: 1.5,
        whn: -0.7,
        bin: 0.1,
        bhn: 0.4,
      },
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
