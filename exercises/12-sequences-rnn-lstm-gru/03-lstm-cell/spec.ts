import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true })
const names = ['wii', 'whi', 'bi', 'wif', 'whf', 'bf', 'wig', 'whg', 'bg', 'wio', 'who', 'bo'] as const
const weights = fc.record(
  Object.fromEntries(names.map((name) => [name, value])) as Record<(typeof names)[number], typeof value>,
)

/** Weights that are all zero except the ones given (every gate is then σ(0) = 0.5). */
const only = (set: Partial<Record<(typeof names)[number], number>>) => ({
  ...Object.fromEntries(names.map((name) => [name, 0])),
  ...set,
})

export default defineSpec({
  args: fc.tuple(value, value, value, weights),
  examples: [
    // A negative candidate: sigmoid would make it positive.
    [1, 0, 0, only({ wig: -2 })],
    // Forget gate ≈ 1, input gate ≈ 0: the cell keeps 2.5 (swapped gates would drop it).
    [0, 0, 2.5, only({ bf: 12, bi: -12 })],
    // A large cell: h must be o · tanh(c'), not o · c'.
    [0, 0, 3, only({ bf: 12, bo: 12 })],
    [
      0.5,
      -0.4,
      1.2,
      {
        wii: 1,
        whi: -0.5,
        bi: 0.1,
        wif: 0.3,
        whf: 0.2,
        bf: 1,
        wig: -1.5,
        whg: 0.7,
        bg: 0.2,
        wio: 0.8,
        who: -0.3,
        bo: 0.1,
      },
    ],
  ],
  tolerance: { rtol: 1e-9, atol: 1e-12 },
})
