import { describe, expect, it } from 'vitest'
import { compareLosses, parseLossCompareOptions } from '../src/lib/visuals/loss-compare.js'

const at = (comparison: ReturnType<typeof compareLosses>, name: string, error: number) => {
  const index = comparison.errors.findIndex((e) => Math.abs(e - error) < 1e-9)
  if (index < 0) throw new Error(`no sample at error ${error}`)
  return comparison.curves.find((c) => c.name === name)!.values[index]!
}

describe('loss-compare visual', () => {
  // 121 samples over [−3, 3] put a sample every 0.05, so −3, −1, 0.5, 2 and 3 are all sampled.
  const comparison = compareLosses(['mse', 'mae', 'huber', 'bce'], [-3, 3])

  it('samples the range evenly', () => {
    expect(comparison.errors).toHaveLength(121)
    expect(comparison.errors[0]).toBe(-3)
    expect(comparison.errors.at(-1)).toBe(3)
    expect(comparison.errors[70]).toBeCloseTo(0.5, 12)
  })

  it('draws squared and absolute error', () => {
    expect(at(comparison, 'mse', -3)).toBeCloseTo(9, 12)
    expect(at(comparison, 'mse', 2)).toBeCloseTo(4, 12)
    expect(at(comparison, 'mae', -3)).toBeCloseTo(3, 12)
    expect(at(comparison, 'mae', 0.5)).toBeCloseTo(0.5, 12)
  })

  it('draws Huber as ½e² inside ±1 and |e| − ½ outside', () => {
    expect(at(comparison, 'huber', 0.5)).toBeCloseTo(0.125, 12)
    expect(at(comparison, 'huber', -1)).toBeCloseTo(0.5, 12)
    expect(at(comparison, 'huber', 3)).toBeCloseTo(2.5, 12)
  })

  it('draws BCE only where a probability can be that far off', () => {
    expect(at(comparison, 'bce', 0.5)).toBeCloseTo(Math.LN2, 10)
    expect(at(comparison, 'bce', -0.5)).toBeCloseTo(Math.LN2, 10)
    expect(at(comparison, 'bce', 0)).toBeCloseTo(0, 12)
    expect(at(comparison, 'bce', 2)).toBeNaN()
    expect(at(comparison, 'bce', -1)).toBeNaN()
  })

  it('scales the plot to the bounded losses, not to BCE’s climb', () => {
    expect(comparison.yMax).toBeCloseTo(9, 12)
    expect(compareLosses(['mae'], [-1, 2]).yMax).toBeCloseTo(2, 12)
  })

  it('reads the lesson options and names what is wrong', () => {
    expect(parseLossCompareOptions({ losses: ['mse', 'mae'], range: [-3, 3] })).toEqual({
      losses: ['mse', 'mae'],
      range: [-3, 3],
    })
    expect(() => parseLossCompareOptions({ losses: ['mse', 'hinge'] })).toThrow(
      'unknown loss "hinge" in "losses"',
    )
    expect(() => parseLossCompareOptions({ range: [3, -3] })).toThrow('"range" must be [low, high]')
  })
})
