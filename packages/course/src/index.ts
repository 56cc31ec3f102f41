/**
 * @gradschool/course — the one parser and validator of exercises/.
 *
 * Everything exported here is pure and browser-safe. Reading exercises/ from disk and writing
 * scaffolds lives in `@gradschool/course/node`; spec files import `defineSpec` from
 * `@gradschool/course/spec` (a tiny module with no YAML or template dependencies).
 */

export { BLANK_PATTERN, blankIdsIn, fillBlanks } from './blanks.js'
export { CHALLENGE_FILES, challengeFileNames, REQUIRED_FILES } from './challenge-files.js'
export { SubmissionError } from './errors.js'
export { formatIssue } from './issues.js'
export { type ParsedLessonMarkdown, parseLesson, parseLessonMarkdown, parseQuiz } from './lesson.js'
export { normalizeOutput, outputsMatch } from './output.js'
export { parseCourse } from './parse-course.js'
export {
  assembleReorder,
  REORDER_END,
  REORDER_START,
  type ReorderRegion,
  reorderRegion,
  shuffleLines,
} from './reorder.js'
export {
  type ScaffoldChallengeOptions,
  ScaffoldError,
  type ScaffoldedFiles,
  type ScaffoldLessonOptions,
  scaffoldChallenge,
  scaffoldLesson,
  slugify,
} from './scaffold.js'
export { seededRandom, variantSeed } from './seed.js'
export {
  compareValues,
  DEFAULT_TOLERANCE,
  defineSpec,
  isPropertySpec,
  type PropertySpec,
  type SpecOptions,
  type Tolerance,
} from './spec.js'
export * from './types.js'
export {
  type RenderedVariant,
  renderSourceFile,
  renderTemplate,
  renderVariant,
  renderWithParams,
  TemplateError,
  variantParams,
} from './variants.js'
