/**
 * The real course in exercises/: `gradschool check` passes over every lesson (definitions,
 * references, starters, shuffles, programs, lesson code blocks with shown output, and every
 * wrong-submission fixture rejected), and each lesson meets the course's bar.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHALLENGE_KINDS, type Course, type CourseIssue } from '@gradschool/course'
import { loadCourse } from '@gradschool/course/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { checkCourse, checkWrongSubmissions } from '../src/node/check.js'

const EXERCISES = join(import.meta.dirname, '../../../exercises')
let course: Course
let issues: CourseIssue[]

beforeAll(async () => {
  ;({ course, issues } = await loadCourse(EXERCISES))
})

/** Prose words: the Markdown body without code blocks, HTML comments and markup symbols. */
function proseWords(body: string): number {
  const prose = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/[#*_`|>\-[\]()]/g, ' ')
  return prose.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length
}

describe('the course in exercises/', () => {
  test('has fourteen lessons, numbered 1 to 14', () => {
    expect(course.lessons.map((lesson) => lesson.number)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1))
  })

  test('every lesson meets the bar: 800–2000 words, checked output, a visual, a quiz, every kind, fixtures', () => {
    const shortfalls: string[] = []
    for (const lesson of course.lessons) {
      const words = proseWords(lesson.body)
      if (words < 800 || words > 2000) shortfalls.push(`${lesson.slug}: ${words} words of prose`)
      if (!lesson.codeBlocks.some((block) => block.expectedOutput !== undefined)) {
        shortfalls.push(`${lesson.slug}: no code block with shown output`)
      }
      if (lesson.visuals.length === 0) shortfalls.push(`${lesson.slug}: no visual`)
      if (lesson.quiz.length < 3) shortfalls.push(`${lesson.slug}: ${lesson.quiz.length} quiz questions`)
      for (const question of lesson.quiz) {
        if (question.explanation.trim() === '')
          shortfalls.push(`${lesson.slug}: quiz ${question.id} lacks an explanation`)
      }
      for (const kind of CHALLENGE_KINDS) {
        if (!lesson.challenges.some((challenge) => challenge.kind === kind))
          shortfalls.push(`${lesson.slug}: no ${kind}`)
      }
      for (const challenge of lesson.challenges) {
        if (challenge.hints.length === 0) shortfalls.push(`${challenge.id}: no hints`)
        let fixtures: string[] = []
        try {
          fixtures = readdirSync(join(EXERCISES, challenge.dir, 'wrong'))
        } catch {}
        if (fixtures.length < 2)
          shortfalls.push(`${challenge.id}: ${fixtures.length} wrong-submission fixtures`)
      }
    }
    expect(shortfalls).toEqual([])
  })

  test('gradschool check passes: references pass, starters/shuffles/fixtures fail, lesson outputs match', async () => {
    const result = await checkCourse(course, issues, { exercisesDir: EXERCISES })
    expect(result.problems).toEqual([])
    expect(result.checks).toBeGreaterThan(300)
  }, 600_000)
})

describe('wrong-submission fixtures', () => {
  test('a fixture that is in fact right is reported, and a misnamed one too', async () => {
    const neuron = course.lessons
      .flatMap((lesson) => lesson.challenges)
      .find((c) => c.id === 'the-neuron/sigmoid-neuron')!
    const root = mkdtempSync(join(tmpdir(), 'gradschool-fixtures-'))
    mkdirSync(join(root, neuron.dir, 'wrong'), { recursive: true })
    writeFileSync(join(root, neuron.dir, 'wrong', 'not-wrong-at-all.ts'), neuron.reference.text)
    writeFileSync(join(root, neuron.dir, 'wrong', 'missing-bias.txt'), 'not code')
    const result = await checkWrongSubmissions(neuron, root)
    expect(result.checks).toBe(2)
    expect(result.problems.map((p) => p.where).sort()).toEqual([
      `${neuron.dir}/wrong/missing-bias.txt`,
      `${neuron.dir}/wrong/not-wrong-at-all.ts`,
    ])
    expect(result.problems.find((p) => p.where.endsWith('.ts'))!.message).toMatch(/passes/)
  })
})
