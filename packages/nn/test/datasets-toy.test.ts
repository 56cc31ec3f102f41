import type { Tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { circles, gaussians, moons, sineForecast, spirals, xor } from '../src/datasets/index.js'

const classCounts = (y: Tensor, classes: number) => {
  const counts = new Array<number>(classes).fill(0)
  for (const label of y.data) counts[label]!++
  return counts
}

const sets = [
  { name: 'xor', make: xor, classes: 2 },
  { name: 'circles', make: circles, classes: 2 },
  { name: 'moons', make: moons, classes: 2 },
  { name: 'spirals', make: spirals, classes: 2 },
  { name: 'gaussians', make: gaussians, classes: 3 },
]

describe.each(sets)('$name', ({ make, classes }) => {
  it('returns float32 [N, 2] points and int32 [N] labels, balanced across classes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer(), (n, seed) => {
        const { x, y } = make({ n, seed })
        expect(x.shape).toEqual([n, 2])
        expect(x.dtype).toBe('float32')
        expect(y.shape).toEqual([n])
        expect(y.dtype).toBe('int32')
        const counts = classCounts(y, classes)
        expect(counts.reduce((a, b) => a + b, 0)).toBe(n)
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
        expect(x.data.every(Number.isFinite)).toBe(true)
      }),
      { numRuns: 30 },
    )
  })

  it('is reproducible from its seed and changes with it', () => {
    const a = make({ n: 50, seed: 7 })
    const b = make({ n: 50, seed: 7 })
    const c = make({ n: 50, seed: 8 })
    expect(Array.from(b.x.data)).toEqual(Array.from(a.x.data))
    expect(Array.from(b.y.data)).toEqual(Array.from(a.y.data))
    expect(Array.from(c.x.data)).not.toEqual(Array.from(a.x.data))
  })

  it('mixes the classes instead of listing them in blocks', () => {
    const { y } = make({ n: 100, seed: 1 })
    expect(Array.from(y.data.subarray(0, 20)).some((label) => label !== y.data[0])).toBe(true)
  })
})

describe('geometry of the toy sets without noise', () => {
  it('xor puts class 1 where exactly one coordinate is positive', () => {
    const { x, y } = xor({ n: 40, noise: 0, seed: 2 })
    for (let i = 0; i < 40; i++) {
      const oneSignPositive = x.data[2 * i]! > 0 !== x.data[2 * i + 1]! > 0
      expect(y.data[i]).toBe(oneSignPositive ? 1 : 0)
    }
  })

  it('circles puts class 0 on the unit circle and class 1 at radius factor', () => {
    const { x, y } = circles({ n: 40, noise: 0, factor: 0.3, seed: 2 })
    for (let i = 0; i < 40; i++) {
      expect(Math.hypot(x.data[2 * i]!, x.data[2 * i + 1]!)).toBeCloseTo(y.data[i] === 0 ? 1 : 0.3, 5)
    }
  })

  it('gaussians supports more classes', () => {
    const { y } = gaussians({ n: 50, classes: 5, seed: 0 })
    expect(classCounts(y, 5)).toEqual([10, 10, 10, 10, 10])
    expect(classCounts(spirals({ n: 30, classes: 3 }).y, 3)).toEqual([10, 10, 10])
  })

  it('rejects bad sizes', () => {
    expect(() => moons({ n: 0 })).toThrow(/moons: n must be a positive integer, got 0/)
    expect(() => spirals({ classes: 1 })).toThrow(/spirals: classes must be an integer ≥ 2, got 1/)
  })
})

describe('sineForecast', () => {
  it('gives windows and the value that follows each', () => {
    const { x, y } = sineForecast({ n: 30, window: 5, seed: 3 })
    expect(x.shape).toEqual([30, 5])
    expect(y.shape).toEqual([30, 1])
    // Windows slide by one: the target of window i is the last value of window i + 1.
    for (let i = 0; i + 1 < 30; i++) {
      expect(y.data[i]).toBe(x.data[(i + 1) * 5 + 4])
      expect(Array.from(x.data.subarray((i + 1) * 5, (i + 1) * 5 + 4))).toEqual(
        Array.from(x.data.subarray(i * 5 + 1, i * 5 + 5)),
      )
    }
  })

  it('follows a sine of the given step when noise is 0', () => {
    const { x } = sineForecast({ n: 1, window: 50, step: 0.2, noise: 0, seed: 4 })
    // sin(a + 2h) + sin(a) = 2 cos(h) sin(a + h) for every a.
    for (let t = 0; t + 2 < 50; t++) {
      expect(x.data[t + 2]! + x.data[t]!).toBeCloseTo(2 * Math.cos(0.2) * x.data[t + 1]!, 5)
    }
  })

  it('is reproducible from its seed', () => {
    expect(Array.from(sineForecast({ seed: 9 }).x.data)).toEqual(Array.from(sineForecast({ seed: 9 }).x.data))
  })
})
