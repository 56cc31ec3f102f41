/**
 * Export and import of all the learner's work as one JSON bundle: the grader's
 * SubmissionBundle (what `gradschool grade --bundle` reads), plus the XP ledger so an import
 * restores the XP history exactly.
 */
import { BUNDLE_VERSION, parseBundle, type SubmissionBundle } from '@gradschool/grader/bundle'
import { type LedgerEntry, parseLedger } from '../lib/xp-ledger.js'
import type { Progress } from './progress-store.js'

export type SiteBundle = SubmissionBundle & { ledger: LedgerEntry[] }

export function exportBundle(progress: Progress): SiteBundle {
  return {
    version: BUNDLE_VERSION,
    studentId: progress.studentId,
    submissions: progress.submissions,
    quiz: progress.quiz,
    hintsUsed: progress.hintsUsed,
    attempts: failedAttempts(progress.ledger),
    ledger: progress.ledger,
  }
}

/** Failed gradings before each challenge's first pass: the CLI needs them to award the same XP. */
function failedAttempts(ledger: readonly LedgerEntry[]): Record<string, number> {
  const counts: Record<string, number> = {}
  const passed = new Set<string>()
  for (const entry of ledger) {
    if (passed.has(entry.challengeId)) continue
    if (entry.status === 'pass') passed.add(entry.challengeId)
    else counts[entry.challengeId] = (counts[entry.challengeId] ?? 0) + 1
  }
  return counts
}

/** Throws with the offending field named when the text is not a bundle. */
export function importBundle(text: string): Progress {
  const bundle = parseBundle(text)
  const raw = JSON.parse(text) as { ledger?: unknown }
  const ledger = raw.ledger === undefined ? [] : parseLedger(raw.ledger, 'field `ledger`')
  return {
    version: 1,
    studentId: bundle.studentId,
    submissions: bundle.submissions,
    quiz: bundle.quiz,
    hintsUsed: bundle.hintsUsed,
    ledger,
  }
}
