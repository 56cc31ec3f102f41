import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkStudentId, STUDENT_ID_MAX_LENGTH } from '../src/lib/student-id.js'

const ALLOWED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-'
const allowedId = fc.string({
  unit: fc.constantFrom(...ALLOWED),
  minLength: 1,
  maxLength: STUDENT_ID_MAX_LENGTH,
})
const padding = fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 4 })

describe('checkStudentId', () => {
  it('accepts the ids instructors hand out', () => {
    for (const id of ['ada', 's1234567', 'alan@example.org', 'first.last+course-2', 'A_B']) {
      expect(checkStudentId(id)).toEqual({ ok: true, studentId: id })
    }
  })

  it('trims spaces around the id', () => {
    expect(checkStudentId('  ada.lovelace \t')).toEqual({ ok: true, studentId: 'ada.lovelace' })
  })

  it('rejects an empty or blank id', () => {
    for (const typed of ['', '   ', '\t\n']) {
      expect(checkStudentId(typed)).toEqual({
        ok: false,
        problem: 'Enter the student id your instructor gave you.',
      })
    }
  })

  it('rejects an id longer than 64 characters, naming both lengths', () => {
    expect(checkStudentId('a'.repeat(64))).toEqual({ ok: true, studentId: 'a'.repeat(64) })
    expect(checkStudentId('a'.repeat(65))).toEqual({
      ok: false,
      problem: 'A student id has at most 64 characters (this one has 65).',
    })
  })

  it('rejects a character outside the allowed set and names it', () => {
    expect(checkStudentId('ada lovelace')).toEqual({
      ok: false,
      problem: 'A student id may use letters A–Z, digits and . _ @ + - only; it contains a space.',
    })
    expect(checkStudentId('ada/lovelace')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"/"'),
    })
    expect(checkStudentId('josé')).toMatchObject({ ok: false, problem: expect.stringContaining('"é"') })
    expect(checkStudentId('a<b>')).toMatchObject({ ok: false, problem: expect.stringContaining('"<"') })
  })

  it('accepts every id of allowed characters, whatever the spaces around it', () => {
    fc.assert(
      fc.property(padding, allowedId, padding, (before, id, after) => {
        expect(checkStudentId(`${before}${id}${after}`)).toEqual({ ok: true, studentId: id })
      }),
    )
  })

  it('rejects every id holding a character outside the set', () => {
    const outside = fc
      .string({ minLength: 1, maxLength: 1, unit: 'grapheme' })
      .filter((c) => !ALLOWED.includes(c) && c.trim() !== '')
    fc.assert(
      fc.property(allowedId, outside, allowedId, (before, bad, after) => {
        const typed = `${before}${bad}${after}`
        fc.pre(typed.length <= STUDENT_ID_MAX_LENGTH)
        expect(checkStudentId(typed).ok).toBe(false)
      }),
    )
  })

  it('is idempotent: a saved id checks to itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (typed) => {
        const checked = checkStudentId(typed)
        if (checked.ok) expect(checkStudentId(checked.studentId)).toEqual(checked)
      }),
    )
  })
})
