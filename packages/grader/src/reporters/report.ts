import type { Verdict } from '../grading/verdict.js'
import type { LevelProgress } from '../xp/ledger.js'

/** One graded item as reporters see it. */
export interface ReportItem {
  verdict: Verdict
  /** The learner's file (for annotations), relative to the repository root. */
  file?: string
  /** XP this grading awarded (0 when failed or already passed). */
  xpAwarded: number
}

export interface Report {
  studentId: string
  items: ReportItem[]
  totalXp: number
  level: LevelProgress
}

export function counts(report: Report): { passed: number; failed: number } {
  const passed = report.items.filter((item) => item.verdict.status === 'pass').length
  return { passed, failed: report.items.length - passed }
}
