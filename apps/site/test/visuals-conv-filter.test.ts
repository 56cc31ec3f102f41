import { describe, expect, it } from 'vitest'
import {
  makeImage,
  parseConvFilterOptions,
  receptiveField,
  runConvFilter,
} from '../src/lib/visuals/conv-filter.js'

const lesson = {
  image: 'digit-7',
  size: 8,
  kernel: [
    [-1, 0, 1],
    [-1, 0, 1],
    [-1, 0, 1],
  ],
  stride: 1,
  padding: 0,
}
const draw = (image: number[][]) => image.map((row) => row.map((v) => (v ? '#' : '.')).join(''))

describe('conv-filter visual', () => {
  it('draws a 7, a square and a cross on an 8 × 8 grid', () => {
    expect(draw(makeImage('digit-7', 8))).toEqual([
      '........',
      '.######.',
      '......#.',
      '.....#..',
      '.....#..',
      '....#...',
      '...#....',
      '........',
    ])
    expect(draw(makeImage('square', 8))).toEqual([
      '........',
      '.######.',
      '.#....#.',
      '.#....#.',
      '.#....#.',
      '.#....#.',
      '.######.',
      '........',
    ])
    expect(draw(makeImage('cross', 8))[4]).toBe('.######.')
    expect(
      draw(makeImage('cross', 8))
        .map((row) => row[4])
        .join(''),
    ).toBe('.######.')
  })

  it('slides the vertical-edge kernel over the 7 (values worked by hand)', () => {
    const result = runConvFilter(parseConvFilterOptions(lesson))
    expect(result.output).toHaveLength(6)
    expect(result.output[0]).toHaveLength(6)
    // Rows 0-2, columns 0-2: only row 1 has ink (columns 1, 2): −0 + 0·1 + 1·1 = 1.
    expect(result.output[0]![0]).toBe(1)
    // Columns 4-6: row 1 gives −1 + 1 = 0, row 2 (ink at column 6) gives +1.
    expect(result.output[0]![4]).toBe(1)
    // Columns 5-7: row 1 gives −1 + 0 = −1, row 2 gives 0 (ink in the middle column).
    expect(result.output[0]![5]).toBe(-1)
    // Rows 3-5, columns 3-5: ink at (3,5), (4,5), (5,4): +1 +1 + 0 = 2.
    expect(result.output[3]![3]).toBe(2)
    // Rows 3-5, columns 4-6: ink at (3,5), (4,5) in the middle column, (5,4) on the left: −1.
    expect(result.output[3]![4]).toBe(-1)
  })

  it('gives the output size ⌊(n + 2p − k) / s⌋ + 1', () => {
    expect(runConvFilter(parseConvFilterOptions({ ...lesson, padding: 1 })).output).toHaveLength(8)
    const strided = runConvFilter(parseConvFilterOptions({ ...lesson, stride: 2 })).output
    expect([strided.length, strided[0]!.length]).toEqual([3, 3])
    const both = runConvFilter(parseConvFilterOptions({ ...lesson, size: 7, stride: 2, padding: 1 })).output
    expect(both).toHaveLength(4)
  })

  it('maps an output cell to the input pixels it reads, padding included', () => {
    expect(receptiveField(0, 0, 3, 1, 0)).toEqual({ top: 0, left: 0, bottom: 2, right: 2 })
    expect(receptiveField(1, 2, 3, 2, 1)).toEqual({ top: 1, left: 3, bottom: 3, right: 5 })
    expect(receptiveField(0, 0, 3, 1, 1)).toEqual({ top: -1, left: -1, bottom: 1, right: 1 })
  })

  it('names the problem with bad options', () => {
    expect(() => parseConvFilterOptions({ ...lesson, image: 'digit-3' })).toThrow(
      '"image" must be one of digit-7, square, cross',
    )
    expect(() => parseConvFilterOptions({ ...lesson, kernel: [[1, 2], [3]] })).toThrow(
      '"kernel" must be a square grid',
    )
    expect(() => parseConvFilterOptions({ ...lesson, stride: 0 })).toThrow(
      '"stride" must be a whole number from 1 to 4',
    )
  })
})
