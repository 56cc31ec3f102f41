/** @gradschool/grader/node — the Node-only side: library bundling, spec loading, progress file, CLI helpers. */

export { type CheckProblem, type CheckResult, checkCourse } from './check.js'
export {
  allChallenges,
  awardXp,
  findChallenge,
  gradeAllWork,
  gradeBundle,
  gradeSubmission,
  gradeWorkFile,
  levelOf,
  type WorkGradingOptions,
} from './grade-work.js'
export {
  buildLibraryBundle,
  LIBRARY_BUNDLE_FILE,
  LIBRARY_STRING_MODULE,
  sandboxLibraries,
} from './libraries.js'
export { type LoadedProgress, type Progress, progressPath, readProgress, writeProgress } from './progress.js'
export { loadSpec, SpecLoadError } from './spec-loader.js'
export { extractBlanks, starterFiles, submissionFromWork, workFileFor } from './work-files.js'
