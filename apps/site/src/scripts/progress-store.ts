/**
 * The learner's progress, kept in localStorage: their answers (the same shape as the grader's
 * submission bundle) and the grader's XP ledger. A store that cannot be read is never thrown
 * away: it is moved aside under another key and reported, and a fresh record starts.
 */
import type { Submission } from '@gradschool/course'
import { DEFAULT_STUDENT_ID } from '../lib/student.js'
import {
  type Ledger,
  type LedgerEntry,
  parseLedger,
  recordAttempt as recordInLedger,
  type VerdictStatus,
  type XpRules,
} from '../lib/xp-ledger.js'

export const STORAGE_KEY = 'gradschool.progress'
export const CORRUPT_KEY_PREFIX = 'gradschool.progress.corrupt.'

export interface Progress {
  version: 1
  studentId: string
  /** The latest answer to each challenge. */
  submissions: Record<string, Submission>
  /** Hints revealed per challenge. */
  hintsUsed: Record<string, number>
  /** Chosen choice indices per lesson slug, per question id. */
  quiz: Record<string, Record<string, number[]>>
  /** Every graded attempt, with the XP it awarded (the grader's ledger rules). */
  ledger: LedgerEntry[]
}

export interface LoadedProgress {
  progress: Progress
  /** Set when the stored data could not be used; says where it was kept. */
  problem?: string
}

export function emptyProgress(studentId = DEFAULT_STUDENT_ID): Progress {
  return { version: 1, studentId, submissions: {}, hintsUsed: {}, quiz: {}, ledger: [] }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Explains the first thing wrong with a parsed store, or returns undefined when it is usable. */
export function progressProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'it is not an object'
  if (value.version !== 1) return `its version is ${JSON.stringify(value.version)}, expected 1`
  if (typeof value.studentId !== 'string' || value.studentId.trim() === '') return 'studentId is missing'
  for (const field of ['submissions', 'hintsUsed', 'quiz'] as const) {
    if (!isRecord(value[field])) return `${field} is not an object`
  }
  for (const [id, count] of Object.entries(value.hintsUsed as Record<string, unknown>)) {
    if (!Number.isInteger(count) || (count as number) < 0) return `hintsUsed["${id}"] is not a whole number`
  }
  try {
    parseLedger(value.ledger, 'ledger')
  } catch (error) {
    return (error as Error).message
  }
  return undefined
}

export function loadProgress(storage: Storage = localStorage, now = () => new Date()): LoadedProgress {
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEY)
  } catch {
    return {
      progress: emptyProgress(),
      problem: 'Progress cannot be saved in this browser (storage is blocked).',
    }
  }
  if (raw === null) return { progress: emptyProgress() }
  let parsed: unknown
  let problem: string | undefined
  try {
    parsed = JSON.parse(raw)
    problem = progressProblem(parsed)
  } catch {
    problem = 'it is not valid JSON'
  }
  if (!problem) return { progress: parsed as Progress }
  const asideKey = `${CORRUPT_KEY_PREFIX}${now().toISOString()}`
  try {
    storage.setItem(asideKey, raw)
    storage.removeItem(STORAGE_KEY)
  } catch {
    // Storage is full: the unreadable record stays under the main key until the next save.
  }
  return {
    progress: emptyProgress(),
    problem: `Your saved progress could not be read (${problem}). It was kept aside in localStorage under "${asideKey}", and a fresh record was started.`,
  }
}

export function saveProgress(progress: Progress, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(progress))
    return true
  } catch {
    return false
  }
}

export function totalXp(progress: Progress): number {
  return progress.ledger.reduce((sum, entry) => sum + entry.xp, 0)
}

export function hasPassed(ledger: Ledger, challengeId: string): boolean {
  return ledger.some((entry) => entry.challengeId === challengeId && entry.status === 'pass')
}

/** Records a graded attempt in the ledger; returns the XP it awarded (0 once already passed). */
export function recordAttempt(
  progress: Progress,
  attempt: { challengeId: string; challengeXp: number; status: VerdictStatus; submission: Submission },
  rules: XpRules,
  now = () => new Date(),
): number {
  progress.submissions[attempt.challengeId] = attempt.submission
  const { ledger, entry } = recordInLedger(
    progress.ledger,
    {
      challengeId: attempt.challengeId,
      challengeXp: attempt.challengeXp,
      status: attempt.status,
      hintsUsed: progress.hintsUsed[attempt.challengeId] ?? 0,
      at: now().toISOString(),
    },
    rules,
  )
  progress.ledger = [...ledger]
  return entry?.xp ?? 0
}

export function recordHint(progress: Progress, challengeId: string): number {
  const count = (progress.hintsUsed[challengeId] ?? 0) + 1
  progress.hintsUsed[challengeId] = count
  return count
}

export function recordQuizAnswer(
  progress: Progress,
  lessonSlug: string,
  questionId: string,
  chosen: number[],
): void {
  progress.quiz[lessonSlug] = { ...progress.quiz[lessonSlug], [questionId]: chosen }
}
