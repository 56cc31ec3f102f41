import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blankIdsIn, fillBlanks, SubmissionError } from '../src/index.js'

const STARTER = 'let z = ___start___\nz += ___term___\nreturn ___start___ + z'

describe('fillBlanks', () => {
  it('substitutes each blank, every time it appears', () => {
    expect(fillBlanks(STARTER, { start: 'bias', term: 'x * w' })).toBe(
      'let z = bias\nz += x * w\nreturn bias + z',
    )
  })

  it('inserts any text verbatim', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (start, term) => {
        // The expected program, assembled by hand from the starter's pieces.
        const expected = `let z = ${start}\nz += ${term}\nreturn ${start} + z`
        expect(fillBlanks(STARTER, { start, term })).toBe(expected)
      }),
    )
  })

  it('does not interpret replacement patterns or blanks typed by the learner', () => {
    expect(fillBlanks(STARTER, { start: "$& $' $1 \\", term: '___start___' })).toBe(
      "let z = $& $' $1 \\\nz += ___start___\nreturn $& $' $1 \\ + z",
    )
  })

  it('names missing and unknown blanks', () => {
    expect(() => fillBlanks(STARTER, { start: 'bias' })).toThrow(SubmissionError)
    expect(() => fillBlanks(STARTER, { start: 'bias' })).toThrow('fill in blank `term`')
    expect(() => fillBlanks(STARTER, { start: 'a', term: 'b', bias: 'c' })).toThrow(
      'unknown blank `bias`: this challenge has `start`, `term`',
    )
  })

  it('lists the blanks in order of first appearance', () => {
    expect(blankIdsIn(STARTER)).toEqual(['start', 'term'])
    expect(blankIdsIn('no blanks, __a__ or ____ here')).toEqual([])
  })
})
