import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assembleReorder, reorderRegion, SubmissionError, shuffleLines } from '../src/index.js'
import { challenge, reorderChallenge } from './challenges.js'

// Lines as instructors write them: indented code without trailing spaces.
const codeLine = fc.string({ minLength: 1, maxLength: 12 }).map((text) => `  ${text.replace(/\s/g, 'x')}`)

describe('reorderRegion', () => {
  it('takes the non-empty lines between the markers, markers excluded', () => {
    const text = 'a\n// reorder:start\n  one  \n\n  two\n  // reorder:end\nb'
    expect(reorderRegion(text)).toEqual({ before: ['a'], lines: ['  one', '  two'], after: ['b'] })
  })

  it('rejects a region with markers in the wrong order', () => {
    expect(() => reorderRegion('// reorder:end\nx\ny\n// reorder:start')).toThrow(/comes before/)
  })
})

describe('shuffleLines', () => {
  it('returns a permutation of the region lines', () => {
    fc.assert(
      fc.property(fc.array(codeLine, { minLength: 2, maxLength: 10 }), fc.string(), (lines, student) => {
        const shuffled = shuffleLines(reorderChallenge(lines), student)
        expect([...shuffled].sort()).toEqual([...lines].sort())
      }),
    )
  })

  it('never returns the correct order when the lines are not all the same', () => {
    fc.assert(
      fc.property(fc.array(codeLine, { minLength: 2, maxLength: 6 }), fc.string(), (lines, student) => {
        fc.pre(new Set(lines).size >= 2)
        expect(shuffleLines(reorderChallenge(lines), student)).not.toEqual(lines)
      }),
    )
  })

  it('is deterministic per student and differs across students', () => {
    const lines = ['  a()', '  b()', '  c()', '  d()', '  e()']
    const target = reorderChallenge(lines)
    expect(shuffleLines(target, 'ada')).toEqual(shuffleLines(reorderChallenge(lines), 'ada'))
    const orders = new Set(Array.from({ length: 20 }, (_, i) => shuffleLines(target, `s${i}`).join('|')))
    expect(orders.size).toBeGreaterThan(1)
  })

  it('shuffles the rendered reference of a templated challenge', () => {
    const text =
      'export function f() {\n  // reorder:start\n  const a = {{n}}\n  return a\n  // reorder:end\n}'
    const target = challenge({
      kind: 'reorder',
      params: { n: { int: [5, 5] } },
      reference: { path: 'r.ts.hbs', text, template: true },
    })
    expect([...shuffleLines(target, 'x')].sort()).toEqual(['  const a = 5', '  return a'])
  })
})

describe('assembleReorder', () => {
  it('puts the lines back between the code around the region', () => {
    const target = reorderChallenge(['  out.push(1)', '  out.push(2)'])
    expect(assembleReorder(target, ['  out.push(2)', '  out.push(1)'])).toBe(
      'export function f(): number[] {\n  const out: number[] = []\n  out.push(2)\n  out.push(1)\n  return out\n}',
    )
  })

  it('rebuilds the reference from the correct order and accepts every shuffle', () => {
    fc.assert(
      fc.property(fc.array(codeLine, { minLength: 2, maxLength: 8 }), fc.string(), (lines, student) => {
        const target = reorderChallenge(lines)
        const reference = target.reference.text
          .split('\n')
          .filter((line) => !line.includes('// reorder:'))
          .join('\n')
        expect(assembleReorder(target, lines)).toBe(reference)
        expect(() => assembleReorder(target, shuffleLines(target, student))).not.toThrow()
      }),
    )
  })

  it('rejects lines that are not the puzzle lines', () => {
    const target = reorderChallenge(['  out.push(1)', '  out.push(2)'])
    expect(() => assembleReorder(target, ['  out.push(1)', '  process.exit(0)'])).toThrow(SubmissionError)
    expect(() => assembleReorder(target, ['  out.push(1)', '  process.exit(0)'])).toThrow(
      /`process.exit\(0\)` is not one of this puzzle's lines/,
    )
    expect(() => assembleReorder(target, ['  out.push(1)'])).toThrow(
      /place every line: `out.push\(2\)` missing/,
    )
    expect(() => assembleReorder(target, ['  out.push(1)', '  out.push(1)'])).toThrow(/used more times/)
  })
})
