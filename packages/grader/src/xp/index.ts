/**
 * The XP ledger alone (`@gradschool/grader/xp`): pages that only show progress import this
 * instead of the whole grader, which would pull in the sandbox and fast-check.
 */
export type { VerdictStatus } from '../grading/verdict.js'
export * from './ledger.js'
