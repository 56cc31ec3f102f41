import { defineSpec } from '@gradschool/course/spec'
import fc from 'fast-check'

const value = fc.integer({ min: -3, max: 3 })
const grid = (rows: number, cols: number) =>
  fc.array(fc.array(value, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })

// An image (1 to 6 on each side), padding 0 to 2, a kernel that fits the padded image, stride 1 to 3.
const convArgs = fc
  .record({
    height: fc.integer({ min: 1, max: 6 }),
    width: fc.integer({ min: 1, max: 6 }),
    padding: fc.integer({ min: 0, max: 2 }),
    stride: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ height, width, padding, stride }) =>
    fc
      .tuple(
        fc.integer({ min: 1, max: Math.min(3, height + 2 * padding) }),
        fc.integer({ min: 1, max: Math.min(3, width + 2 * padding) }),
      )
      .chain(([kernelHeight, kernelWidth]) =>
        fc.tuple(
          grid(height, width),
          grid(kernelHeight, kernelWidth),
          fc.constant(stride),
          fc.constant(padding),
        ),
      ),
  )

const ramp = [
  [1, 2, 3, 0],
  [4, 5, 6, 1],
  [7, 8, 9, 2],
  [0, 1, 2, 3],
]

export default defineSpec({
  args: convArgs,
  examples: [
    // A non-symmetric kernel: flipping it (true convolution) changes the result.
    [
      ramp,
      [
        [1, 0],
        [0, -1],
      ],
      1,
      0,
    ],
    // Padding 1: the output is as large as the input, and the border sees zeros.
    [
      ramp,
      [
        [0, 1, 0],
        [1, 1, 1],
        [0, 1, 0],
      ],
      1,
      1,
    ],
    // Stride 2 on a 4 × 4 image with a 2 × 2 kernel: a 2 × 2 output.
    [
      ramp,
      [
        [1, 1],
        [1, 1],
      ],
      2,
      0,
    ],
    // Stride 2 with a size that does not divide evenly: ⌊(5 − 3) / 2⌋ + 1 = 2.
    [
      [
        [1, 0, 2, 0, 1],
        [0, 1, 0, 1, 0],
        [3, 0, 1, 0, 2],
        [0, 1, 0, 1, 0],
        [1, 0, 2, 0, 1],
      ],
      [
        [1, 2, 0],
        [0, 1, 0],
        [0, 0, -1],
      ],
      2,
      0,
    ],
  ],
})
