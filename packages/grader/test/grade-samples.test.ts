import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Challenge, type Course, type Submission, variantParams } from '@gradschool/course'
import { loadCourse } from '@gradschool/course/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { gradeSubmission } from '../src/node/grade-work.js'

/** The sample challenges the course ships in exercises/, with their known-wrong answers in `wrong/`. */
const EXERCISES = join(import.meta.dirname, '../../../exercises')
const STUDENT = 'sample-student'
let course: Course

beforeAll(async () => {
  course = (await loadCourse(EXERCISES)).course
})

function sample(id: string): Challenge {
  const found = course.lessons.flatMap((lesson) => lesson.challenges).find((challenge) => challenge.id === id)
  if (!found) throw new Error(`sample challenge ${id} is missing from exercises/`)
  return found
}

function wrongAnswers(challenge: Challenge): { name: string; text: string }[] {
  const dir = join(EXERCISES, challenge.dir, 'wrong')
  return readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
}

function referenceLines(challenge: Challenge): string[] {
  const lines = challenge.reference.text.split('\n')
  const start = lines.findIndex((line) => line.trim() === '// reorder:start')
  const end = lines.findIndex((line) => line.trim() === '// reorder:end')
  return lines.slice(start + 1, end).filter((line) => line.trim() !== '')
}

describe('implement: the-neuron/sigmoid-neuron', () => {
  test('the reference passes', async () => {
    const challenge = sample('the-neuron/sigmoid-neuron')
    const verdict = await gradeSubmission(
      challenge,
      { kind: 'implement', code: challenge.reference.text },
      { studentId: STUDENT },
    )
    expect(verdict.status).toBe('pass')
  })

  test('every known-wrong answer fails with a counterexample', async () => {
    const challenge = sample('the-neuron/sigmoid-neuron')
    for (const wrong of wrongAnswers(challenge)) {
      const verdict = await gradeSubmission(
        challenge,
        { kind: 'implement', code: wrong.text },
        { studentId: STUDENT },
      )
      expect(verdict.status, wrong.name).toBe('fail')
      expect(verdict.message, wrong.name).toMatch(/^neuron\(.*\) returned .*; expected /)
    }
  })
})

describe('fix-bug: the-neuron/leaky-relu (templated per student)', () => {
  test('the rendered reference passes and the buggy starter fails', async () => {
    const challenge = sample('the-neuron/leaky-relu')
    const slope = variantParams(challenge, STUDENT).slope
    const reference = `export function leakyRelu(values: number[]): number[] {\n  return values.map((z) => (z > 0 ? z : ${slope} * z))\n}\n`
    const pass = await gradeSubmission(
      challenge,
      { kind: 'fix-bug', code: reference },
      { studentId: STUDENT },
    )
    expect(pass.status).toBe('pass')
    const starter = challenge.starter!.text.replaceAll('{{slope}}', String(slope))
    const fail = await gradeSubmission(challenge, { kind: 'fix-bug', code: starter }, { studentId: STUDENT })
    expect(fail.status).toBe('fail')
  })

  test("another student's slope fails for this student", async () => {
    const challenge = sample('the-neuron/leaky-relu')
    const mine = variantParams(challenge, STUDENT).slope
    const other = mine === 0.2 ? 0.1 : 0.2
    const code = `export function leakyRelu(values: number[]): number[] {\n  return values.map((z) => (z > 0 ? z : ${other} * z))\n}\n`
    const verdict = await gradeSubmission(challenge, { kind: 'fix-bug', code }, { studentId: STUDENT })
    expect(verdict.status).toBe('fail')
  })
})

describe('fill-in: the-neuron/perceptron', () => {
  test('the listed answers pass, and so does another fill that behaves the same', async () => {
    const challenge = sample('the-neuron/perceptron')
    const answers = Object.fromEntries(challenge.blanks!.map((blank) => [blank.id, blank.answer]))
    expect(
      (await gradeSubmission(challenge, { kind: 'fill-in', blanks: answers }, { studentId: STUDENT })).status,
    ).toBe('pass')
    const alternative = { ...answers, term: 'weights[i]! * inputs[i]!' }
    expect(
      (await gradeSubmission(challenge, { kind: 'fill-in', blanks: alternative }, { studentId: STUDENT }))
        .status,
    ).toBe('pass')
  })

  test('every known-wrong fill fails', async () => {
    const challenge = sample('the-neuron/perceptron')
    for (const wrong of wrongAnswers(challenge)) {
      const submission = { kind: 'fill-in', ...(JSON.parse(wrong.text) as object) } as Submission
      const verdict = await gradeSubmission(challenge, submission, { studentId: STUDENT })
      expect(verdict.status, wrong.name).toBe('fail')
    }
  })
})

describe('reorder: the-neuron/neuron-steps', () => {
  test('the correct order passes', async () => {
    const challenge = sample('the-neuron/neuron-steps')
    const verdict = await gradeSubmission(
      challenge,
      { kind: 'reorder', lines: referenceLines(challenge) },
      { studentId: STUDENT },
    )
    expect(verdict.status).toBe('pass')
  })

  test('every known-wrong order does not pass', async () => {
    const challenge = sample('the-neuron/neuron-steps')
    for (const wrong of wrongAnswers(challenge)) {
      const submission = { kind: 'reorder', ...(JSON.parse(wrong.text) as object) } as Submission
      const verdict = await gradeSubmission(challenge, submission, { studentId: STUDENT })
      expect(verdict.status, wrong.name).not.toBe('pass')
    }
  })
})

describe('predict-output: the-neuron/relu-by-hand (templated per student)', () => {
  test("the value computed by hand from the student's params passes; a wrong one fails", async () => {
    const challenge = sample('the-neuron/relu-by-hand')
    const { a, b, w, bias } = variantParams(challenge, STUDENT) as Record<string, number>
    const z = bias + a * w + b * -1
    const right = await gradeSubmission(
      challenge,
      { kind: 'predict-output', output: `${z}\n${Math.max(0, z)}\n` },
      { studentId: STUDENT },
    )
    expect(right.status).toBe('pass')
    const wrong = await gradeSubmission(
      challenge,
      { kind: 'predict-output', output: `${z + 1}\n${Math.max(0, z + 1)}\n` },
      { studentId: STUDENT },
    )
    expect(wrong.status).toBe('fail')
  })
})
