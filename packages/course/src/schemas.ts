/** zod schemas of the YAML files in exercises/, with messages written for instructors. */
import { z } from 'zod'
import { fieldPath, showValue } from './issues.js'
import { CHALLENGE_KINDS, type CourseIssue } from './types.js'
import type { YamlSource } from './yaml-source.js'

const text = z.string({ error: 'expected text' }).trim().min(1, 'expected non-empty text')
const positiveInt = z.int({ error: 'expected a positive integer' }).positive('expected a positive integer')
const nonNegativeInt = z.int({ error: 'expected an integer ≥ 0' }).nonnegative('expected an integer ≥ 0')
const fraction = z
  .number({ error: 'expected a number between 0 and 1' })
  .min(0, 'expected a number between 0 and 1')
  .max(1, 'expected a number between 0 and 1')
const slug = z
  .string({ error: 'expected a kebab-case id like `my-question`' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id like `my-question`')

export const courseSchema = z.strictObject({
  title: text,
  description: text,
  levels: z
    .array(z.strictObject({ name: text, xp: nonNegativeInt }), { error: 'expected a list of levels' })
    .min(1, 'expected at least one level'),
  xp: z.strictObject(
    { firstAttemptBonus: fraction, hintPenalty: fraction },
    { error: 'expected `firstAttemptBonus` and `hintPenalty`' },
  ),
})

export const lessonFrontMatterSchema = z.strictObject({
  title: text,
  level: text,
  minutes: positiveInt,
  objectives: z
    .array(text, { error: 'expected a list of objectives' })
    .min(1, 'expected at least one objective'),
})

const answerIndex = z
  .int({ error: 'expected a choice index (0 is the first choice)' })
  .nonnegative('expected a choice index (0 is the first choice)')

export const quizSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id: slug,
        prompt: text,
        choices: z
          .array(text, { error: 'expected a list of choices' })
          .min(2, 'expected at least two choices'),
        answer: z.union([answerIndex, z.array(answerIndex).min(1, 'expected at least one correct choice')], {
          error: 'expected a choice index or a list of choice indices (0 is the first choice)',
        }),
        explanation: text,
      }),
      { error: 'expected a list of questions' },
    )
    .min(1, 'expected at least one question'),
})

export const challengeSchema = z.strictObject({
  kind: z.enum(CHALLENGE_KINDS as [string, ...string[]], {
    error: `expected one of ${CHALLENGE_KINDS.join(', ')}`,
  }),
  title: text,
  prompt: text,
  difficulty: z.enum(['easy', 'medium', 'hard'], { error: 'expected easy, medium or hard' }),
  xp: positiveInt,
  hints: z.array(text, { error: 'expected a list of hints' }).default([]),
  entry: z
    .string({ error: 'expected the name of an exported function' })
    .regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected the name of an exported function')
    .optional(),
  params: z
    .record(z.string(), z.unknown(), { error: 'expected a map of parameter names to ranges' })
    .default({}),
  blanks: z
    .array(
      z.strictObject({
        id: z
          .string({ error: 'expected a blank id like `bias`' })
          .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'expected a blank id: a letter, then letters, digits or `-`'),
        answer: z
          .string({ error: 'expected the text of a correct fill' })
          .min(1, 'expected the text of a correct fill'),
        label: text.optional(),
      }),
      { error: 'expected a list of blanks' },
    )
    .optional(),
})

/** Check parsed YAML against a schema, turning every zod issue into a readable CourseIssue. */
export function validate<T>(
  file: string,
  source: YamlSource,
  schema: z.ZodType<T>,
): { data: T; issues: [] } | { data: null; issues: CourseIssue[] } {
  const data = source.data ?? {}
  const result = schema.safeParse(data, { reportInput: true })
  if (result.success) return { data: result.data, issues: [] }
  const issues: CourseIssue[] = []
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[]
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          file,
          field: fieldPath([...path, key]),
          line: source.lineOf([...path, key]),
          message: 'unknown field (check its spelling)',
        })
      }
      continue
    }
    const input = (issue as { input?: unknown }).input
    const message =
      input === undefined ? `missing (${issue.message})` : `${issue.message}, got ${showValue(input)}`
    const entry: CourseIssue = { file, message, line: source.lineOf(path) }
    if (path.length > 0) entry.field = fieldPath(path)
    issues.push(entry)
  }
  return { data: null, issues }
}
