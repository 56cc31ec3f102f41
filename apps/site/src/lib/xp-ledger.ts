/**
 * The grader's XP ledger rules, imported from their own module: the grader's index also pulls in
 * the sandbox and fast-check, which every page would otherwise download.
 */

export type { VerdictStatus } from '@gradschool/grader/xp'
export {
  hasPassed,
  type Ledger,
  type LedgerEntry,
  levelFor,
  parseLedger,
  recordAttempt,
  totalXp,
  type XpRules,
} from '@gradschool/grader/xp'
