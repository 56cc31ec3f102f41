import { CHALLENGE_KINDS, type ChallengeKind, type Submission } from '@gradschool/course'

/**
 * What the course site exports so the CLI (or CI) can grade a learner's browser work:
 *
 * ```json
 * {
 *   "version": 1,
 *   "studentId": "ada",
 *   "submissions": {
 *     "the-neuron/sigmoid-neuron": { "kind": "implement", "code": "export function neuron(…) {…}" },
 *     "the-neuron/fill-the-sum": { "kind": "fill-in", "blanks": { "sum": "z + x * w" } },
 *     "the-neuron/order-forward": { "kind": "reorder", "lines": ["const z = …", "return …"] },
 *     "the-neuron/predict-sigmoid": { "kind": "predict-output", "output": "0.5\n0.7311" }
 *   },
 *   "quiz": { "the-neuron": { "what-is-bias": [1] } },
 *   "hintsUsed": { "the-neuron/sigmoid-neuron": 1 },
 *   "attempts": { "the-neuron/sigmoid-neuron": 2 }
 * }
 * ```
 */
export interface SubmissionBundle {
  version: 1
  studentId: string
  submissions: Record<string, Submission>
  /** Chosen choice indices per lesson slug, per question id. */
  quiz: Record<string, Record<string, number[]>>
  /** Hints revealed per challenge id (XP penalty). */
  hintsUsed: Record<string, number>
  /**
   * Graded attempts that failed before the learner's first pass (or so far, if not passed), per
   * challenge id: they cost the first-attempt bonus, exactly as they did on the site.
   */
  attempts: Record<string, number>
}

export const BUNDLE_VERSION = 1

export class BundleError extends Error {
  override name = 'BundleError'
}

/** Parses and validates a bundle (text or parsed JSON); errors name the offending field. */
export function parseBundle(input: unknown): SubmissionBundle {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (error) {
      throw new BundleError(`the bundle is not valid JSON (${(error as Error).message})`)
    }
  }
  const root = record(value, 'the bundle')
  if (root.version !== BUNDLE_VERSION) {
    throw new BundleError(
      `field \`version\`: expected ${BUNDLE_VERSION}, got ${JSON.stringify(root.version)}`,
    )
  }
  if (typeof root.studentId !== 'string' || root.studentId.trim() === '') {
    throw new BundleError('field `studentId`: expected a non-empty string')
  }
  const submissions: Record<string, Submission> = {}
  for (const [id, raw] of Object.entries(record(root.submissions ?? {}, 'field `submissions`'))) {
    submissions[id] = parseSubmission(raw, `submissions.${id}`)
  }
  const quiz: Record<string, Record<string, number[]>> = {}
  for (const [lesson, answers] of Object.entries(record(root.quiz ?? {}, 'field `quiz`'))) {
    quiz[lesson] = {}
    for (const [question, chosen] of Object.entries(record(answers, `field \`quiz.${lesson}\``))) {
      if (!Array.isArray(chosen) || !chosen.every((index) => Number.isInteger(index))) {
        throw new BundleError(`field \`quiz.${lesson}.${question}\`: expected a list of choice indices`)
      }
      quiz[lesson][question] = chosen as number[]
    }
  }
  const hintsUsed = counts(root.hintsUsed, 'hintsUsed')
  const attempts = counts(root.attempts, 'attempts')
  return { version: BUNDLE_VERSION, studentId: root.studentId, submissions, quiz, hintsUsed, attempts }
}

function counts(raw: unknown, field: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [id, count] of Object.entries(record(raw ?? {}, `field \`${field}\``))) {
    if (!Number.isInteger(count) || (count as number) < 0) {
      throw new BundleError(`field \`${field}.${id}\`: expected a whole number ≥ 0`)
    }
    out[id] = count as number
  }
  return out
}

function parseSubmission(raw: unknown, field: string): Submission {
  const value = record(raw, `field \`${field}\``)
  const kind = value.kind as ChallengeKind
  const bad = (what: string) => new BundleError(`field \`${field}.${what}\` is missing or invalid`)
  if (!CHALLENGE_KINDS.includes(kind)) throw bad('kind')
  switch (kind) {
    case 'implement':
    case 'fix-bug':
      if (typeof value.code !== 'string') throw bad('code')
      return { kind, code: value.code }
    case 'fill-in': {
      const blanks = record(value.blanks, `field \`${field}.blanks\``)
      if (!Object.values(blanks).every((text) => typeof text === 'string')) throw bad('blanks')
      return { kind, blanks: blanks as Record<string, string> }
    }
    case 'reorder':
      if (!Array.isArray(value.lines) || !value.lines.every((line) => typeof line === 'string'))
        throw bad('lines')
      return { kind, lines: value.lines as string[] }
    case 'predict-output':
      if (typeof value.output !== 'string') throw bad('output')
      return { kind, output: value.output }
  }
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BundleError(`${what}: expected an object`)
  }
  return value as Record<string, unknown>
}
