/**
 * The shape of a loaded course. This is the contract between the loader (this package),
 * the grader, the CLI and the site: all of them see exercises/ only through these types.
 * Everything here is plain, JSON-serialisable data, so the site can ship it to the browser.
 */

export type ChallengeKind = 'implement' | 'fix-bug' | 'fill-in' | 'reorder' | 'predict-output'

export const CHALLENGE_KINDS: readonly ChallengeKind[] = [
  'implement',
  'fix-bug',
  'fill-in',
  'reorder',
  'predict-output',
]

export type Difficulty = 'easy' | 'medium' | 'hard'

export interface Level {
  name: string
  /** XP needed to reach this level. */
  xp: number
}

/** exercises/course.yaml */
export interface CourseMeta {
  title: string
  description: string
  levels: Level[]
  xp: {
    /** Extra XP, as a fraction of the challenge's XP, when it passes on the first graded attempt. */
    firstAttemptBonus: number
    /** XP removed per hint revealed, as a fraction of the challenge's XP (never below zero in total). */
    hintPenalty: number
  }
}

/**
 * A seeded template parameter (challenge.yaml `params`). Each student's variant draws every
 * param from a generator seeded by (student id, challenge id).
 */
export type ParamSpec =
  | { int: [number, number] }
  | { float: [number, number]; decimals: number }
  | { choice: (string | number)[] }

export type ParamValues = Record<string, string | number>

/** A file of a challenge, possibly a handlebars template (rendered per student). */
export interface SourceFile {
  /** Path relative to the exercises/ root, e.g. `02-the-neuron/sigmoid-neuron/reference.ts`. */
  path: string
  text: string
  /** True when the file is a `.hbs` template and must be rendered with the variant's params. */
  template: boolean
}

export interface Blank {
  id: string
  /** One answer that works; any fill that behaves correctly passes. */
  answer: string
  /** Shown as the input's placeholder/label. */
  label?: string
}

export interface Challenge {
  /** `lesson-slug/challenge-slug` (numeric prefixes dropped), e.g. `the-neuron/sigmoid-neuron`. */
  id: string
  slug: string
  lessonSlug: string
  kind: ChallengeKind
  title: string
  /** Markdown. */
  prompt: string
  difficulty: Difficulty
  xp: number
  hints: string[]
  /** For implement/fix-bug/fill-in/reorder: the exported function the spec calls. */
  entry?: string
  params: Record<string, ParamSpec>
  /**
   * The correct program (implement, fix-bug, fill-in, reorder) — never sent to the sandbox as student code.
   * For predict-output it is the program itself (same file as `program`).
   */
  reference: SourceFile
  /** What the student starts from: stub (implement), buggy code (fix-bug), code with blanks (fill-in). */
  starter?: SourceFile
  /** predict-output: the program whose printed output the student predicts. */
  program?: SourceFile
  /** fill-in: the blanks, written `___id___` in the starter. */
  blanks?: Blank[]
  /** The property spec (TypeScript using fast-check), run by the grader outside the sandbox. */
  spec?: SourceFile
  /** Folder of the challenge relative to exercises/. */
  dir: string
}

/** A code block of a lesson. `expectedOutput` is set when the lesson shows the block's output. */
export interface CodeBlock {
  /** 1-based line in lesson.md where the block's code starts (for error messages). */
  line: number
  lang: string
  code: string
  /** When the lesson shows an ```output block right after this one. */
  expectedOutput?: string
  /** `ts run` blocks get a Run button on the site. */
  runnable: boolean
}

/** A place where the site draws a visual: `<!-- visual: forward-pass {"layers":[2,2,1]} -->`. */
export interface VisualMarker {
  kind: string
  options: Record<string, unknown>
  line: number
}

export interface QuizQuestion {
  id: string
  prompt: string
  choices: string[]
  /** Indices of the correct choices (one for single-choice questions). */
  answer: number[]
  explanation: string
}

export interface Lesson {
  /** `the-neuron` (folder `02-the-neuron` without its numeric prefix). */
  slug: string
  /** The numeric prefix: lesson order. */
  number: number
  dir: string
  title: string
  level: string
  minutes: number
  objectives: string[]
  /** Markdown body (front matter removed). */
  body: string
  codeBlocks: CodeBlock[]
  visuals: VisualMarker[]
  quiz: QuizQuestion[]
  challenges: Challenge[]
}

export interface Course {
  meta: CourseMeta
  lessons: Lesson[]
}

/** A learner's answer to one challenge. */
export type Submission =
  | { kind: 'implement' | 'fix-bug'; code: string }
  | { kind: 'fill-in'; blanks: Record<string, string> }
  /** The lines in the learner's chosen order (texts, exactly as shown to them). */
  | { kind: 'reorder'; lines: string[] }
  | { kind: 'predict-output'; output: string }

/** One problem found while loading exercises/: always names the file, and the field or line. */
export interface CourseIssue {
  file: string
  field?: string
  line?: number
  message: string
}

/** What `parseCourse` and `loadCourse` return: the usable part of the course, and every problem found. */
export interface CourseLoadResult {
  course: Course
  issues: CourseIssue[]
}
