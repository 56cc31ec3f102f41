import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { CourseIssue, Submission } from '@gradschool/course'
import {
  assembleReorder,
  type Challenge,
  type Course,
  formatIssue,
  outputsMatch,
  renderVariant,
  reorderRegion,
  shuffleLines,
} from '@gradschool/course'
import { runProgram } from '../grading/predict-output.js'
import type { Verdict } from '../grading/verdict.js'
import { gradeSubmission } from './grade-work.js'
import { sandboxLibraries } from './libraries.js'

/** The student whose variant the wrong-submission fixtures (`wrong/`) were written for. */
export const FIXTURE_STUDENT = 'fixture'

/** Students whose variants `check` tries (templated challenges must work for everyone). */
export const CHECK_STUDENTS = ['check-student-a', 'check-student-b']

export interface CheckProblem {
  /** The file (or challenge id) at fault. */
  where: string
  message: string
}

export interface CheckResult {
  problems: CheckProblem[]
  /** How many checks ran. */
  checks: number
}

/**
 * Everything `gradschool check` verifies: definitions validate, references pass, starters and
 * buggy versions fail, predict-output programs run, shuffled reorders fail, and lesson code blocks
 * that show their output print exactly that.
 */
export async function checkCourse(
  course: Course,
  issues: readonly CourseIssue[],
  options: { exercisesDir?: string } = {},
): Promise<CheckResult> {
  const problems: CheckProblem[] = issues.map((issue) => ({ where: issue.file, message: formatIssue(issue) }))
  let checks = issues.length
  for (const lesson of course.lessons) {
    for (const challenge of lesson.challenges) {
      for (const studentId of Object.keys(challenge.params).length > 0
        ? CHECK_STUDENTS
        : [CHECK_STUDENTS[0]!]) {
        const found = await checkChallenge(challenge, studentId)
        checks += found.checks
        problems.push(...found.problems)
      }
      if (options.exercisesDir !== undefined) {
        const found = await checkWrongSubmissions(challenge, options.exercisesDir)
        checks += found.checks
        problems.push(...found.problems)
      }
    }
    for (const block of lesson.codeBlocks) {
      if (block.expectedOutput === undefined) continue
      checks++
      const where = `${lesson.dir}/lesson.md:${block.line}`
      const run = await runProgram(block.code, `${lesson.dir}/lesson.md`, { libraries: sandboxLibraries })
      if (!run.outcome.ok) {
        problems.push({
          where,
          message: `the code block fails to run: ${describeOutcome(run.outcome.failure)}`,
        })
      } else if (!outputsMatch(block.expectedOutput, run.output)) {
        problems.push({
          where,
          message: `the output shown differs from what the code prints:\n${indent(run.output)}`,
        })
      }
    }
  }
  return { problems, checks }
}

async function checkChallenge(challenge: Challenge, studentId: string): Promise<CheckResult> {
  const problems: CheckProblem[] = []
  let checks = 0
  const where = challenge.dir
  const variant = renderVariant(challenge, studentId)
  const expect = async (what: string, want: 'pass' | 'fail', run: () => Promise<Verdict>) => {
    checks++
    const verdict = await run()
    const ok = want === 'pass' ? verdict.status === 'pass' : verdict.status !== 'pass'
    if (!ok) {
      const got =
        verdict.status === 'pass' ? 'passes' : `gives ${verdict.status}: ${verdict.message.split('\n')[0]}`
      problems.push({ where, message: `${what} should ${want} for student ${studentId}, but it ${got}` })
    }
  }
  const options = { studentId }
  switch (challenge.kind) {
    case 'implement':
    case 'fix-bug':
      await expect('the reference', 'pass', () =>
        gradeSubmission(challenge, { kind: challenge.kind as 'implement', code: variant.reference }, options),
      )
      if (variant.starter !== undefined) {
        const label = challenge.kind === 'fix-bug' ? 'the buggy starter' : 'the starter'
        await expect(label, 'fail', () =>
          gradeSubmission(
            challenge,
            { kind: challenge.kind as 'implement', code: variant.starter! },
            options,
          ),
        )
      }
      break
    case 'fill-in': {
      const blanks = Object.fromEntries((challenge.blanks ?? []).map((blank) => [blank.id, blank.answer]))
      await expect('the blanks\u2019 answers', 'pass', () =>
        gradeSubmission(challenge, { kind: 'fill-in', blanks }, options),
      )
      break
    }
    case 'reorder': {
      const lines = shuffleLines(challenge, studentId)
      checks++
      try {
        assembleReorder(challenge, lines, studentId)
      } catch (error) {
        problems.push({ where, message: `the shuffled lines do not reassemble: ${(error as Error).message}` })
      }
      await expect('the reference order', 'pass', () =>
        gradeSubmission(
          challenge,
          { kind: 'reorder', lines: reorderRegion(variant.reference).lines },
          options,
        ),
      )
      await expect('the shuffled order', 'fail', () =>
        gradeSubmission(challenge, { kind: 'reorder', lines }, options),
      )
      break
    }
    case 'predict-output': {
      checks++
      const run = await runProgram(variant.program ?? '', challenge.program?.path ?? `${where}/program.ts`, {
        libraries: sandboxLibraries,
      })
      if (!run.outcome.ok)
        problems.push({
          where,
          message: `the program fails to run for student ${studentId}: ${describeOutcome(run.outcome.failure)}`,
        })
      else if (run.output.trim() === '')
        problems.push({ where, message: 'the program prints nothing, so there is nothing to predict' })
      break
    }
  }
  return { problems, checks }
}

/**
 * Every realistic wrong answer kept in the challenge's `wrong/` folder must be rejected:
 * `<mistake>.ts` (implement, fix-bug), `<mistake>.json` with `{"blanks": {…}}` (fill-in) or
 * `{"lines": […]}` (reorder), `<mistake>.txt` (predict-output), all for student `fixture`.
 */
export async function checkWrongSubmissions(
  challenge: Challenge,
  exercisesDir: string,
): Promise<CheckResult> {
  const folder = join(exercisesDir, challenge.dir, 'wrong')
  if (!existsSync(folder)) return { problems: [], checks: 0 }
  const problems: CheckProblem[] = []
  let checks = 0
  for (const name of readdirSync(folder).sort()) {
    const where = `${challenge.dir}/wrong/${name}`
    checks++
    const parsed = wrongSubmission(challenge, extname(name), readFileSync(join(folder, name), 'utf8'))
    if (typeof parsed === 'string') {
      problems.push({ where, message: parsed })
      continue
    }
    const verdict = await gradeSubmission(challenge, parsed, { studentId: FIXTURE_STUDENT })
    if (verdict.status === 'pass') {
      problems.push({
        where,
        message: 'this wrong submission passes: the spec does not catch the mistake it shows',
      })
    } else if (verdict.courseProblem) {
      problems.push({ where, message: `grading it hit a course problem: ${verdict.message.split('\n')[0]}` })
    }
  }
  return { problems, checks }
}

/** The submission a fixture file stands for, or why the file does not fit the challenge's kind. */
function wrongSubmission(challenge: Challenge, extension: string, text: string): Submission | string {
  const expected = {
    implement: '.ts',
    'fix-bug': '.ts',
    'fill-in': '.json',
    reorder: '.json',
    'predict-output': '.txt',
  }[challenge.kind]
  if (extension !== expected) return `a ${challenge.kind} fixture must be a ${expected} file`
  switch (challenge.kind) {
    case 'implement':
    case 'fix-bug':
      return { kind: challenge.kind, code: text }
    case 'predict-output':
      return { kind: 'predict-output', output: text }
    case 'fill-in':
    case 'reorder': {
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch (error) {
        return `not valid JSON: ${(error as Error).message}`
      }
      const record = (data ?? {}) as { blanks?: unknown; lines?: unknown }
      if (challenge.kind === 'fill-in') {
        const blanks = record.blanks
        if (typeof blanks !== 'object' || blanks === null || Array.isArray(blanks)) {
          return 'expected {"blanks": {"<id>": "<text>"}}'
        }
        return { kind: 'fill-in', blanks: blanks as Record<string, string> }
      }
      if (!Array.isArray(record.lines) || !record.lines.every((line) => typeof line === 'string')) {
        return 'expected {"lines": ["…", "…"]}'
      }
      return { kind: 'reorder', lines: record.lines as string[] }
    }
  }
}

function describeOutcome(failure: { kind: string; message?: string; text?: string }): string {
  return failure.message ?? failure.text ?? failure.kind
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
