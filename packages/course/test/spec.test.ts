import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareValues,
  DEFAULT_TOLERANCE,
  defineSpec,
  isPropertySpec,
  normalizeOutput,
  outputsMatch,
} from '../src/index.js'

describe('defineSpec', () => {
  it('fills in defaults', () => {
    const args = fc.tuple(fc.integer())
    const spec = defineSpec({ args })
    expect(spec).toEqual({
      kind: 'property-spec',
      args,
      examples: [],
      numRuns: 100,
      tolerance: DEFAULT_TOLERANCE,
    })
    expect(isPropertySpec(spec)).toBe(true)
    expect(isPropertySpec({ args })).toBe(false)
  })

  it('keeps given options, merging a partial tolerance', () => {
    const check = () => null
    const spec = defineSpec({
      args: fc.tuple(fc.integer()),
      examples: [[1]],
      numRuns: 7,
      tolerance: { atol: 0.5 },
      check,
    })
    expect(spec.numRuns).toBe(7)
    expect(spec.tolerance).toEqual({ rtol: DEFAULT_TOLERANCE.rtol, atol: 0.5 })
    expect(spec.examples).toEqual([[1]])
    expect(spec.check).toBe(check)
  })

  it('rejects nonsense options with a clear message', () => {
    expect(() => defineSpec({ args: fc.tuple(), numRuns: 0 })).toThrow(
      'numRuns must be a positive integer, got 0',
    )
    expect(() => defineSpec({ args: fc.tuple(), tolerance: { rtol: -1 } })).toThrow(
      'tolerance.rtol must be a number ≥ 0, got -1',
    )
    expect(() => defineSpec({ args: fc.tuple(), examples: [5 as unknown as []] })).toThrow(
      'examples[0] must be an argument list',
    )
  })
})

describe('compareValues', () => {
  it('accepts numbers within atol + rtol·|expected|', () => {
    expect(compareValues(1.0000005, 1, { rtol: 1e-6, atol: 0 })).toBeNull()
    expect(compareValues(1.000002, 1, { rtol: 1e-6, atol: 0 })).toBe('expected 1, got 1.000002')
    expect(compareValues(0.0005, 0, { rtol: 0, atol: 1e-3 })).toBeNull()
    expect(compareValues(Number.NaN, Number.NaN)).toBeNull()
    expect(compareValues(Number.NaN, 0.5)).toBe('expected 0.5, got NaN')
    expect(compareValues(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBeNull()
  })

  it('says where nested values differ', () => {
    expect(compareValues([1, [2, 3]], [1, [2, 4]])).toBe('at [1][1]: expected 4, got 3')
    expect(compareValues({ loss: 1, grads: [0, 1] }, { loss: 1, grads: [0, 2] })).toBe(
      'at grads[1]: expected 2, got 1',
    )
    expect(compareValues([1], [1, 2])).toBe('expected 2 elements, got 1')
    expect(compareValues({ a: 1 }, { a: 1, b: 2 })).toBe('missing field `b`')
    expect(compareValues(new Float64Array([1, 2]), [1, 2])).toBeNull()
    expect(compareValues('1', 1)).toBe('expected 1, got "1"')
    expect(compareValues(undefined, 0.5)).toBe('expected 0.5, got undefined')
  })

  it('accepts every value compared with itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(compareValues(value, structuredClone(value))).toBeNull()
      }),
    )
  })
})

describe('predict-output comparison', () => {
  it('ignores line endings, trailing spaces and trailing blank lines only', () => {
    expect(normalizeOutput('1  \r\n2\r\n\r\n')).toBe('1\n2')
    expect(outputsMatch('1\n2\n', '1\r\n2')).toBe(true)
    expect(outputsMatch('1\n2', '1\n 2')).toBe(false)
    expect(outputsMatch('1\n\n2', '1\n2')).toBe(false)
  })
})
