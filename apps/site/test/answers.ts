/**
 * Right and wrong answers for the fixture course's challenges, worked out from the course files
 * (references, blanks, programs) without the site.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Challenge,
  type Course,
  renderVariant,
  reorderRegion,
  type Submission,
} from '@gradschool/course'
import { loadCourse } from '@gradschool/course/node'
import { transform } from 'sucrase'
import { FIXTURE_COURSE } from './site-paths.js'

export const STUDENT = 'anonymous'

export async function fixtureCourse(): Promise<Course> {
  const { course, issues } = await loadCourse(FIXTURE_COURSE)
  if (issues.length > 0) throw new Error(`fixture course has problems: ${JSON.stringify(issues)}`)
  return course
}

/** What a program prints, run directly in Node. */
export function printedOutput(program: string): string {
  const { code } = transform(program, { transforms: ['typescript', 'imports'] })
  const lines: string[] = []
  const console_ = { log: (...args: unknown[]) => lines.push(args.map(String).join(' ')) }
  new Function('console', 'require', 'exports', code)(console_, () => ({}), {})
  return lines.join('\n')
}

export function rightAnswer(challenge: Challenge, studentId = STUDENT): Submission {
  const variant = renderVariant(challenge, studentId)
  switch (challenge.kind) {
    case 'implement':
    case 'fix-bug':
      return { kind: challenge.kind, code: variant.reference }
    case 'fill-in':
      return {
        kind: 'fill-in',
        blanks: Object.fromEntries((challenge.blanks ?? []).map((b) => [b.id, b.answer])),
      }
    case 'reorder':
      return { kind: 'reorder', lines: reorderRegion(variant.reference).lines }
    case 'predict-output':
      return { kind: 'predict-output', output: printedOutput(variant.program ?? '') }
  }
}

/** A wrong answer: the untouched starter, a known-wrong fill, the shuffled lines, or an extra line. */
export function wrongAnswer(challenge: Challenge, studentId = STUDENT): Submission | 'as-shown' {
  const variant = renderVariant(challenge, studentId)
  switch (challenge.kind) {
    case 'implement':
    case 'fix-bug':
      return { kind: challenge.kind, code: variant.starter ?? '' }
    case 'fill-in': {
      const wrongDir = join(FIXTURE_COURSE, challenge.dir, 'wrong')
      const file = readdirSync(wrongDir)
        .filter((name) => name.endsWith('.json'))
        .sort()[0]!
      return {
        kind: 'fill-in',
        ...(JSON.parse(readFileSync(join(wrongDir, file), 'utf8')) as { blanks: Record<string, string> }),
      }
    }
    case 'reorder':
      return 'as-shown'
    case 'predict-output':
      return { kind: 'predict-output', output: `${printedOutput(variant.program ?? '')}\n999` }
  }
}
