import type { CourseMeta, Level } from '@gradschool/course'
import { VERDICT_STATUSES, type VerdictStatus } from '../grading/verdict.js'

/**
 * The XP ledger: an append-only list of graded attempts. Pure and browser-safe; the CLI stores it
 * in `.gradschool/progress.json`, the site in the browser.
 *
 * Rules (numbers from course.yaml `xp`):
 * - a challenge awards XP once, on its first pass: its `xp`, plus `firstAttemptBonus × xp` when that
 *   pass is the first graded attempt, minus `hintPenalty × xp` per hint revealed (never below 0);
 * - attempts before the pass are recorded with 0 XP; once passed, later gradings of the challenge
 *   are not recorded at all, so re-grading never changes the ledger (idempotent).
 */
export interface LedgerEntry {
  challengeId: string
  status: VerdictStatus
  /** ISO time of the grading (given by the caller, so the logic stays pure). */
  at: string
  /** 1-based attempt number for this challenge. */
  attempt: number
  hintsUsed: number
  /** XP this entry awarded (non-zero only for the first pass). */
  xp: number
}

export type Ledger = readonly LedgerEntry[]

export type XpRules = CourseMeta['xp']

export interface GradedAttempt {
  challengeId: string
  /** The challenge's XP from its definition. */
  challengeXp: number
  status: VerdictStatus
  hintsUsed?: number
  at: string
}

export interface Recorded {
  ledger: Ledger
  /** The entry appended, or undefined when the challenge was already passed (nothing changes). */
  entry?: LedgerEntry
}

export function hasPassed(ledger: Ledger, challengeId: string): boolean {
  return ledger.some((entry) => entry.challengeId === challengeId && entry.status === 'pass')
}

export function attemptsOf(ledger: Ledger, challengeId: string): number {
  return ledger.filter((entry) => entry.challengeId === challengeId).length
}

/** XP for a first pass on attempt `attempt` with `hintsUsed` hints revealed. */
export function xpForPass(challengeXp: number, attempt: number, hintsUsed: number, rules: XpRules): number {
  const factor = 1 + (attempt === 1 ? rules.firstAttemptBonus : 0) - rules.hintPenalty * hintsUsed
  return Math.max(0, Math.round(challengeXp * factor))
}

/** Appends a graded attempt (returns a new ledger; the given one is never modified). */
export function recordAttempt(ledger: Ledger, attempt: GradedAttempt, rules: XpRules): Recorded {
  if (hasPassed(ledger, attempt.challengeId)) return { ledger }
  const number = attemptsOf(ledger, attempt.challengeId) + 1
  const hintsUsed = Math.max(0, Math.floor(attempt.hintsUsed ?? 0))
  const xp = attempt.status === 'pass' ? xpForPass(attempt.challengeXp, number, hintsUsed, rules) : 0
  const entry: LedgerEntry = {
    challengeId: attempt.challengeId,
    status: attempt.status,
    at: attempt.at,
    attempt: number,
    hintsUsed,
    xp,
  }
  return { ledger: [...ledger, entry], entry }
}

export function totalXp(ledger: Ledger): number {
  return ledger.reduce((sum, entry) => sum + entry.xp, 0)
}

export interface LevelProgress {
  level: Level | undefined
  next: Level | undefined
  /** XP still needed for the next level (0 at the top). */
  toNext: number
}

/** The highest level whose threshold `xp` has reached, and the next one. */
export function levelFor(xp: number, levels: readonly Level[]): LevelProgress {
  const sorted = [...levels].sort((a, b) => a.xp - b.xp)
  let level: Level | undefined
  let next: Level | undefined
  for (const candidate of sorted) {
    if (candidate.xp <= xp) level = candidate
    else {
      next = candidate
      break
    }
  }
  return { level, next, toNext: next ? next.xp - xp : 0 }
}

/** Checks untrusted data (a progress file, a bundle) is a ledger; throws naming the first bad entry. */
export function parseLedger(value: unknown, where = 'ledger'): LedgerEntry[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list of entries`)
  return value.map((raw, index) => {
    const entry = raw as Partial<LedgerEntry> | null
    const bad = (field: string) => new Error(`${where}[${index}]: field \`${field}\` is missing or invalid`)
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}[${index}]: expected an object`)
    if (typeof entry.challengeId !== 'string') throw bad('challengeId')
    if (!VERDICT_STATUSES.includes(entry.status as VerdictStatus)) throw bad('status')
    if (typeof entry.at !== 'string') throw bad('at')
    if (!Number.isInteger(entry.attempt) || (entry.attempt as number) < 1) throw bad('attempt')
    if (!Number.isInteger(entry.hintsUsed) || (entry.hintsUsed as number) < 0) throw bad('hintsUsed')
    if (typeof entry.xp !== 'number' || !(entry.xp >= 0)) throw bad('xp')
    return {
      challengeId: entry.challengeId,
      status: entry.status as VerdictStatus,
      at: entry.at,
      attempt: entry.attempt as number,
      hintsUsed: entry.hintsUsed as number,
      xp: entry.xp,
    }
  })
}
