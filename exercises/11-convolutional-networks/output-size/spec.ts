import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

// A kernel from 1 to 7, padding 0 to 3, stride 1 to 4, and an input the kernel fits in once padded.
const sizeArgs = fc
  .record({
    kernel: fc.integer({ min: 1, max: 7 }),
    stride: fc.integer({ min: 1, max: 4 }),
    padding: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ kernel, stride, padding }) =>
    fc.tuple(
      fc.integer({ min: Math.max(1, kernel - 2 * padding), max: 64 }),
      fc.constant(kernel),
      fc.constant(stride),
      fc.constant(padding),
    ),
  )

export default defineSpec({
  args: sizeArgs,
  examples: [
    // 28 → 28 with kernel 3, padding 1 (padding counted once gives 27).
    [28, 3, 1, 1],
    // ⌊(5 − 3) / 2⌋ + 1 = 2 … and (6 − 3) / 2 = 1.5 rounds down to 1, not up to 2.
    [5, 3, 2, 0],
    [6, 3, 2, 0],
    // 28 with kernel 5 and stride 2: ⌊23 / 2⌋ + 1 = 12 (rounding to nearest gives 13).
    [28, 5, 2, 0],
    // Pooling 2 × 2 with stride 2 halves 28 to 14.
    [28, 2, 2, 0],
  ],
})
