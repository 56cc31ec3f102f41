import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Challenge, type Course, type Submission, SubmissionError } from '@gradschool/course'
import type { SubmissionBundle } from '../bundle.js'
import { grade } from '../grading/grade.js'
import { gradeQuiz } from '../grading/quiz.js'
import { type Verdict, verdict } from '../grading/verdict.js'
import type { ReportItem } from '../reporters/report.js'
import type { SandboxLimits } from '../sandbox/limits.js'
import { type Ledger, levelFor, recordAttempt, totalXp } from '../xp/ledger.js'
import { sandboxLibraries } from './libraries.js'
import { loadSpec, SpecLoadError } from './spec-loader.js'
import { submissionFromWork, workFileFor } from './work-files.js'

export interface WorkGradingOptions {
  studentId: string
  seed?: number
  path?: string
  limits?: Partial<SandboxLimits>
}

export function allChallenges(course: Course): Challenge[] {
  return course.lessons.flatMap((lesson) => lesson.challenges)
}

export function findChallenge(course: Course, id: string): Challenge | undefined {
  return allChallenges(course).find((challenge) => challenge.id === id)
}

/** Grades one submission with the spec loaded from disk and the library bundle built on demand. */
export async function gradeSubmission(
  challenge: Challenge,
  submission: Submission,
  options: WorkGradingOptions & { file?: string; hintsUsed?: number },
): Promise<Verdict> {
  const needsSpec = submission.kind !== 'predict-output'
  let spec: unknown
  if (needsSpec) {
    try {
      spec = await loadSpec(challenge, options.studentId)
    } catch (error) {
      if (error instanceof SpecLoadError) {
        return verdict(challenge.id, challenge.kind, 'error', error.message, { courseProblem: true })
      }
      throw error
    }
  }
  const gradeOptions = {
    studentId: options.studentId,
    spec,
    libraries: sandboxLibraries,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.file === undefined ? {} : { file: options.file }),
  }
  return grade(challenge, submission, gradeOptions)
}

/** Grades the learner's file for a challenge (`work/<lesson>/<challenge>.ts` unless `file` is given). */
export async function gradeWorkFile(
  root: string,
  challenge: Challenge,
  options: WorkGradingOptions & { file?: string },
): Promise<ReportItem> {
  const file = options.file ?? workFileFor(challenge)
  const absolute = join(root, file)
  if (!existsSync(absolute)) {
    const message = `No work file ${file}. Run \`gradschool start ${challenge.id}\` to create it.`
    return { verdict: verdict(challenge.id, challenge.kind, 'error', message), file, xpAwarded: 0 }
  }
  let submission: Submission
  try {
    submission = submissionFromWork(challenge, readFileSync(absolute, 'utf8'), options.studentId)
  } catch (error) {
    if (!(error instanceof SubmissionError)) throw error
    return { verdict: verdict(challenge.id, challenge.kind, 'fail', error.message), file, xpAwarded: 0 }
  }
  return { verdict: await gradeSubmission(challenge, submission, { ...options, file }), file, xpAwarded: 0 }
}

/** Every challenge with a work file, plus answered quizzes in `work/<lesson>/quiz.json`. */
export async function gradeAllWork(
  root: string,
  course: Course,
  options: WorkGradingOptions,
): Promise<ReportItem[]> {
  const items: ReportItem[] = []
  for (const lesson of course.lessons) {
    for (const challenge of lesson.challenges) {
      if (existsSync(join(root, workFileFor(challenge))))
        items.push(await gradeWorkFile(root, challenge, options))
    }
    const quizFile = `work/${lesson.slug}/quiz.json`
    if (existsSync(join(root, quizFile))) items.push(...gradeQuizFile(root, quizFile, lesson.slug, course))
  }
  return items
}

function gradeQuizFile(root: string, file: string, lessonSlug: string, course: Course): ReportItem[] {
  let answers: Record<string, unknown>
  try {
    answers = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>
  } catch (error) {
    const message = `${file} is not valid JSON (${(error as Error).message}). Write { "<question id>": [choice index, …] }.`
    return [{ verdict: verdict(`${lessonSlug}/quiz`, 'quiz', 'error', message), file, xpAwarded: 0 }]
  }
  return quizItems(course, lessonSlug, answers, file)
}

function quizItems(
  course: Course,
  lessonSlug: string,
  answers: Record<string, unknown>,
  file?: string,
): ReportItem[] {
  const lesson = course.lessons.find((candidate) => candidate.slug === lessonSlug)
  return Object.entries(answers).map(([questionId, chosen]) => {
    const question = lesson?.quiz.find((candidate) => candidate.id === questionId)
    const id = `${lessonSlug}/quiz/${questionId}`
    if (!question)
      return {
        verdict: verdict(
          id,
          'quiz',
          'error',
          `There is no quiz question \`${questionId}\` in lesson ${lessonSlug}.`,
        ),
        file,
        xpAwarded: 0,
      }
    const picked = Array.isArray(chosen)
      ? chosen.filter((index): index is number => typeof index === 'number')
      : []
    return { verdict: gradeQuiz(lessonSlug, question, picked), file, xpAwarded: 0 }
  })
}

/** Grades a site-exported bundle: every submission and quiz answer, as the site would. */
export async function gradeBundle(
  course: Course,
  bundle: SubmissionBundle,
  options: Omit<WorkGradingOptions, 'studentId'>,
): Promise<ReportItem[]> {
  const items: ReportItem[] = []
  for (const [id, submission] of Object.entries(bundle.submissions)) {
    const challenge = findChallenge(course, id)
    if (!challenge) {
      items.push({
        verdict: verdict(
          id,
          submission.kind,
          'error',
          `The bundle answers ${id}, which is not a challenge of this course.`,
        ),
        xpAwarded: 0,
      })
      continue
    }
    items.push({
      verdict: await gradeSubmission(challenge, submission, { ...options, studentId: bundle.studentId }),
      xpAwarded: 0,
    })
  }
  for (const [lessonSlug, answers] of Object.entries(bundle.quiz))
    items.push(...quizItems(course, lessonSlug, answers))
  return items
}

/**
 * Records challenge verdicts in the ledger (quiz answers carry no XP) and fills in `xpAwarded`.
 * Returns the new ledger; the given one is not modified.
 */
export function awardXp(
  course: Course,
  ledger: Ledger,
  items: ReportItem[],
  hintsUsed: Record<string, number> = {},
  at: string = new Date().toISOString(),
): Ledger {
  let current = ledger
  for (const item of items) {
    const challenge = findChallenge(course, item.verdict.challengeId)
    // Problems of the course itself (a broken spec or reference) are not the learner's attempts.
    if (!challenge || item.verdict.courseProblem) continue
    const recorded = recordAttempt(
      current,
      {
        challengeId: challenge.id,
        challengeXp: challenge.xp,
        status: item.verdict.status,
        hintsUsed: hintsUsed[challenge.id] ?? 0,
        at,
      },
      course.meta.xp,
    )
    current = recorded.ledger
    item.xpAwarded = recorded.entry?.xp ?? 0
  }
  return current
}

export function levelOf(course: Course, ledger: Ledger) {
  return levelFor(totalXp(ledger), course.meta.levels)
}
