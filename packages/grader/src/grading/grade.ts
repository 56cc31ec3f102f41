import {
  assembleReorder,
  type Challenge,
  fillBlanks,
  renderVariant,
  type Submission,
  SubmissionError,
  variantSeed,
} from '@gradschool/course'
import { type GradeOptions, resolveLibraries, resolveSpec } from './options.js'
import { gradePrediction } from './predict-output.js'
import { gradeProgram } from './program.js'
import { type Verdict, verdict } from './verdict.js'

export const ANONYMOUS_STUDENT = 'anonymous'

/** The learner's file as messages name it: `work/<lesson>/<challenge>.ts`. */
export function defaultWorkFile(challenge: Challenge): string {
  return `work/${challenge.lessonSlug}/${challenge.slug}.ts`
}

/** The fast-check seed used when none is given: stable per (student, challenge). */
export function defaultSeed(studentId: string, challengeId: string): number {
  return variantSeed(studentId, `${challengeId}#grade`) & 0x7fffffff
}

/**
 * Grades one submission to one challenge. Browser-safe: no Node built-ins; the spec module and
 * (when programs import them) the course-library bundle are passed in.
 */
export async function grade(
  challenge: Challenge,
  submission: Submission,
  options: GradeOptions = {},
): Promise<Verdict> {
  const studentId = options.studentId ?? ANONYMOUS_STUDENT
  const fail = (status: Verdict['status'], message: string) =>
    verdict(challenge.id, challenge.kind, status, message)
  if (submission.kind !== challenge.kind && !(isCodeKind(submission.kind) && isCodeKind(challenge.kind))) {
    return fail(
      'error',
      `A ${submission.kind} answer was given to ${challenge.id}, which is a ${challenge.kind} challenge.`,
    )
  }
  const variant = renderVariant(challenge, studentId)
  let cached: Promise<string | undefined> | undefined
  const libraries = () => (cached ??= resolveLibraries(options.libraries))

  if (submission.kind === 'predict-output') {
    if (variant.program === undefined) return fail('error', `${challenge.id} has no program to run.`)
    return gradePrediction(challenge, variant.program, submission.output, {
      limits: options.limits,
      libraries,
    })
  }

  let code: string
  try {
    code = programOf(challenge, submission, variant.starter, studentId)
  } catch (error) {
    if (error instanceof SubmissionError) return fail('fail', capitalize(error.message))
    throw error
  }
  const spec = resolveSpec(options.spec)
  if (!spec)
    return fail(
      'error',
      `No property spec was given for ${challenge.id} (the default export of its spec.ts).`,
    )
  const job = {
    challenge,
    code,
    file: options.file ?? defaultWorkFile(challenge),
    reference: variant.reference,
    spec,
    seed: options.seed ?? defaultSeed(studentId, challenge.id),
    limits: options.limits,
    libraries,
  }
  return gradeProgram(options.path === undefined ? job : { ...job, path: options.path })
}

function programOf(
  challenge: Challenge,
  submission: Submission,
  starter: string | undefined,
  studentId: string,
): string {
  switch (submission.kind) {
    case 'implement':
    case 'fix-bug':
      return submission.code
    case 'fill-in':
      if (starter === undefined) throw new SubmissionError(`${challenge.id} has no starter with blanks`)
      return fillBlanks(starter, submission.blanks)
    case 'reorder':
      return assembleReorder(challenge, submission.lines, studentId)
    case 'predict-output':
      throw new Error('unreachable: predictions are not programs')
  }
}

function isCodeKind(kind: string): boolean {
  return kind === 'implement' || kind === 'fix-bug'
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
