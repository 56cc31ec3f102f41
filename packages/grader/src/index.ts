/**
 * @gradschool/grader — sandboxed, property-based grading with XP. Browser-safe: everything that
 * touches the file system, the progress file or esbuild lives in `@gradschool/grader/node`.
 */

export { BUNDLE_VERSION, BundleError, parseBundle, type SubmissionBundle } from './bundle.js'
export {
  formatLocation,
  needsLibraries,
  type SourceLocationError,
  type StripResult,
  stripTypes,
} from './compile/strip-types.js'
export { compareResults, FLOAT32_TOLERANCE } from './grading/compare.js'
export { formatCall, formatPair, formatValue } from './grading/format-value.js'
export { ANONYMOUS_STUDENT, defaultSeed, defaultWorkFile, grade } from './grading/grade.js'
export type { GradeOptions, LibrarySource } from './grading/options.js'
export { type ProgramRun, runProgram } from './grading/predict-output.js'
export { comparePrintedOutput, normalizeWhitespace, type OutputDifference } from './grading/printed-output.js'
export { gradeQuiz } from './grading/quiz.js'
export {
  type Counterexample,
  type Location,
  type Replay,
  VERDICT_STATUSES,
  type Verdict,
  type VerdictStatus,
} from './grading/verdict.js'
export * from './reporters/index.js'
export * from './sandbox/index.js'
export * from './xp/ledger.js'
