import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderTemplate, renderVariant, TemplateError, variantParams, variantSeed } from '../src/index.js'
import type { ParamSpec } from '../src/types.js'
import { challenge } from './challenges.js'

const studentId = fc.string({ minLength: 1, maxLength: 20 })

// Float ranges at least 1 wide always hold a value at any number of decimals, as the loader requires.
const paramSpec: fc.Arbitrary<ParamSpec> = fc.oneof(
  fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }))
    .map(([min, width]): ParamSpec => ({ int: [min, min + width] })),
  fc
    .tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.integer({ min: 0, max: 4 }),
    )
    .map(([min, width, decimals]): ParamSpec => ({ float: [min, min + width], decimals })),
  fc
    .array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 5 })
    .map((choice): ParamSpec => ({ choice })),
)

describe('variantSeed', () => {
  it('is FNV-1a over the UTF-8 bytes of student, NUL, challenge', () => {
    // Values from an independent FNV-1a implementation.
    expect(variantSeed('', '')).toBe(0x050c5d1f)
    expect(variantSeed('ab', 'c')).toBe(4018473767)
    expect(variantSeed('é', '☃')).toBe(2053896134)
  })

  it('keeps student and challenge apart', () => {
    expect(variantSeed('ab', 'c')).not.toBe(variantSeed('a', 'bc'))
  })
})

describe('variantParams', () => {
  it('is deterministic per (student, challenge)', () => {
    fc.assert(
      fc.property(studentId, fc.dictionary(fc.constantFrom('a', 'b', 'c'), paramSpec), (student, params) => {
        const target = challenge({ params })
        expect(variantParams(target, student)).toEqual(variantParams(challenge({ params }), student))
      }),
    )
  })

  it('draws every param within its declared range', () => {
    fc.assert(
      fc.property(studentId, fc.string(), paramSpec, (student, id, spec) => {
        const value = variantParams(challenge({ id, params: { p: spec } }), student).p
        if ('int' in spec) {
          expect(Number.isInteger(value)).toBe(true)
          expect(value).toBeGreaterThanOrEqual(spec.int[0])
          expect(value).toBeLessThanOrEqual(spec.int[1])
        } else if ('float' in spec) {
          expect(typeof value).toBe('number')
          expect(value).toBeGreaterThanOrEqual(spec.float[0])
          expect(value).toBeLessThanOrEqual(spec.float[1])
          expect(Number((value as number).toFixed(spec.decimals))).toBe(value)
        } else {
          expect(spec.choice).toContain(value)
        }
      }),
    )
  })

  it('differs across students for a parametrised challenge', () => {
    fc.assert(
      fc.property(fc.uniqueArray(studentId, { minLength: 30, maxLength: 30 }), (students) => {
        const target = challenge({ params: { n: { int: [1, 6] }, s: { choice: ['relu', 'tanh'] } } })
        const variants = new Set(students.map((student) => JSON.stringify(variantParams(target, student))))
        expect(variants.size).toBeGreaterThan(1)
      }),
    )
  })

  it('reaches every value of a small range', () => {
    const target = challenge({ params: { n: { int: [1, 6] } } })
    const seen = new Set(Array.from({ length: 300 }, (_, i) => variantParams(target, `student-${i}`).n))
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('gives a param the same value when another param is added', () => {
    const one = challenge({ params: { n: { int: [1, 100] } } })
    const two = challenge({ params: { n: { int: [1, 100] }, m: { int: [1, 100] } } })
    for (let i = 0; i < 20; i++) expect(variantParams(two, `s${i}`).n).toBe(variantParams(one, `s${i}`).n)
  })
})

describe('renderVariant', () => {
  const target = challenge({
    kind: 'predict-output',
    params: { x: { int: [1, 9] } },
    prompt: 'What does x = {{x}} print?',
    reference: { path: 'l/c/program.ts.hbs', text: 'const x = {{x}}\nconsole.log(x * 2)\n', template: true },
    program: { path: 'l/c/program.ts.hbs', text: 'const x = {{x}}\nconsole.log(x * 2)\n', template: true },
  })

  it('renders templates and the prompt with the student params', () => {
    fc.assert(
      fc.property(studentId, (student) => {
        const variant = renderVariant(target, student)
        const x = variant.params.x
        expect(variant.program).toBe(`const x = ${x}\nconsole.log(x * 2)\n`)
        expect(variant.prompt).toBe(`What does x = ${x} print?`)
      }),
    )
  })

  it('leaves plain files untouched, braces included', () => {
    const plain = challenge({ reference: { path: 'r.ts', text: 'const o = {{a: 1}}\n', template: false } })
    expect(renderVariant(plain, 'anyone').reference).toBe('const o = {{a: 1}}\n')
  })
})

describe('renderTemplate', () => {
  it('does not HTML-escape code', () => {
    expect(renderTemplate('if ({{cond}}) {}', { cond: "a < b && c !== 'd'" })).toBe(
      "if (a < b && c !== 'd') {}",
    )
  })

  it('offers the fixed and json helpers', () => {
    expect(renderTemplate('{{fixed x 3}} {{fixed y}}', { x: 0.5, y: 2 })).toBe('0.500 2.00')
    expect(renderTemplate('{{json s}}', { s: 'relu' })).toBe('"relu"')
  })

  it('names the line of an undeclared param', () => {
    try {
      renderTemplate('a\nb {{missing}}', {})
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError)
      expect((error as TemplateError).line).toBe(2)
      expect((error as TemplateError).message).toMatch(/`missing`/)
    }
  })
})
