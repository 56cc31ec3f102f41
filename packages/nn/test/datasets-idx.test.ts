import { describe, expect, it } from 'vitest'
import { IdxFormatError, mnistFromIdx, parseIdx } from '../src/datasets/index.js'

/** Header bytes: 0 0 type ndim, then each size as a big-endian uint32. */
function header(type: number, shape: number[]): number[] {
  return [
    0,
    0,
    type,
    shape.length,
    ...shape.flatMap((d) => [(d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255]),
  ]
}

describe('parseIdx', () => {
  it('reads unsigned bytes with their shape', () => {
    const bytes = Uint8Array.from([...header(0x08, [2, 3]), 1, 2, 3, 250, 251, 252])
    const idx = parseIdx(bytes)
    expect(idx.type).toBe('uint8')
    expect(idx.shape).toEqual([2, 3])
    expect(Array.from(idx.data)).toEqual([1, 2, 3, 250, 251, 252])
  })

  it('reads big-endian sizes above 255', () => {
    const idx = parseIdx(Uint8Array.from([...header(0x08, [300]), ...new Array(300).fill(7)]))
    expect(idx.shape).toEqual([300])
  })

  it('reads big-endian multi-byte values', () => {
    // int32 0x01020304 = 16909060 and 0xFFFFFFFE = -2; int16 0x0102 = 258 and 0xFFFF = -1
    expect(
      Array.from(parseIdx(Uint8Array.from([...header(0x0c, [2]), 1, 2, 3, 4, 255, 255, 255, 254])).data),
    ).toEqual([16909060, -2])
    expect(Array.from(parseIdx(Uint8Array.from([...header(0x0b, [2]), 1, 2, 255, 255])).data)).toEqual([
      258, -1,
    ])
    // float32 1.5 = 0x3FC00000; float64 -2 = 0xC000000000000000; int8 0xFF = -1
    expect(Array.from(parseIdx(Uint8Array.from([...header(0x0d, [1]), 0x3f, 0xc0, 0, 0])).data)).toEqual([
      1.5,
    ])
    expect(
      Array.from(parseIdx(Uint8Array.from([...header(0x0e, [1]), 0xc0, 0, 0, 0, 0, 0, 0, 0])).data),
    ).toEqual([-2])
    expect(Array.from(parseIdx(Uint8Array.from([...header(0x09, [1]), 0xff])).data)).toEqual([-1])
  })

  it('reads from a view into a larger buffer', () => {
    const buffer = Uint8Array.from([9, 9, 9, ...header(0x0c, [1]), 0, 0, 1, 0])
    expect(Array.from(parseIdx(buffer.subarray(3)).data)).toEqual([256])
  })

  it('names the file in every error', () => {
    const cases: [number[], RegExp][] = [
      [[0, 0], /train\.idx: truncated: 2 bytes, too short for the 4-byte IDX header/],
      [
        [1, 2, 8, 1, 0, 0, 0, 0],
        /train\.idx: not an IDX file: the magic number must start with two zero bytes, got 0x01 0x02/,
      ],
      [[0, 0, 0x07, 1, 0, 0, 0, 0], /train\.idx: unknown IDX data type code 0x07/],
      [
        [0, 0, 8, 2, 0, 0, 0, 1],
        /train\.idx: truncated: the header declares 2 dimensions \(12 bytes\) but the file has 8/,
      ],
      [
        [...header(0x08, [2, 2]), 1, 2, 3],
        /train\.idx: truncated: shape \[2, 2\] of uint8 needs 16 bytes but the file has 15/,
      ],
      [
        [...header(0x08, [1]), 1, 2],
        /train\.idx: corrupt: shape \[1\] of uint8 needs 9 bytes but the file has 10/,
      ],
      [[0, 0, 8, 0], /train\.idx: IDX header declares 0 dimensions/],
    ]
    for (const [bytes, message] of cases) {
      expect(() => parseIdx(Uint8Array.from(bytes), 'train.idx')).toThrow(message)
      expect(() => parseIdx(Uint8Array.from(bytes), 'train.idx')).toThrow(IdxFormatError)
    }
  })
})

describe('mnistFromIdx', () => {
  const images = Uint8Array.from([...header(0x08, [2, 2, 2]), 0, 255, 51, 102, 255, 0, 0, 0])
  const labels = Uint8Array.from([...header(0x08, [2]), 7, 3])

  it('scales pixels to [0, 1] and keeps labels as int32', () => {
    const { images: x, labels: y } = mnistFromIdx(images, labels)
    expect(x.shape).toEqual([2, 4])
    expect(x.dtype).toBe('float32')
    expect(Array.from(x.data)).toEqual([0, 1, 0.2, 0.4, 1, 0, 0, 0].map(Math.fround))
    expect(y.dtype).toBe('int32')
    expect(Array.from(y.data)).toEqual([7, 3])
  })

  it('gives image-shaped tensors on request and honours limit', () => {
    const { images: x, labels: y } = mnistFromIdx(images, labels, { shape: 'image', limit: 1 })
    expect(x.shape).toEqual([1, 1, 2, 2])
    expect(y.shape).toEqual([1])
  })

  it('rejects swapped files, mismatched counts and impossible labels', () => {
    const names = { images: 'img.idx', labels: 'lbl.idx' }
    expect(() => mnistFromIdx(labels, images, { names })).toThrow(
      /img\.idx: expected uint8 images \[N, rows, columns\]/,
    )
    const three = Uint8Array.from([...header(0x08, [3]), 1, 2, 3])
    expect(() => mnistFromIdx(images, three, { names })).toThrow(
      /lbl\.idx: has 3 labels but img\.idx has 2 images/,
    )
    const bad = Uint8Array.from([...header(0x08, [2]), 1, 12])
    expect(() => mnistFromIdx(images, bad, { names })).toThrow(
      /lbl\.idx: label 1 is 12, but MNIST digits are 0..9/,
    )
  })
})
