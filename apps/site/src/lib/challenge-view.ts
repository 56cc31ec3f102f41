/**
 * What the page shows for a challenge before the learner touches it: the code to start from,
 * the fill-in parts, the lines to reorder.
 */
import { type Challenge, renderVariant, shuffleLines } from '@gradschool/course'
import { DEFAULT_STUDENT_ID } from './student.js'

export type FillInPart = { type: 'text'; text: string } | { type: 'blank'; id: string; label: string }

export interface ChallengeView {
  code: string
  fillIn: FillInPart[]
  lines: string[]
}

const BLANK = /___([\w-]+)___/g

export function fillInParts(text: string, labels: Record<string, string | undefined>): FillInPart[] {
  const parts: FillInPart[] = []
  let last = 0
  for (const match of text.matchAll(BLANK)) {
    if (match.index > last) parts.push({ type: 'text', text: text.slice(last, match.index) })
    const id = match[1]!
    parts.push({ type: 'blank', id, label: labels[id] ?? id })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) })
  return parts
}

/** The pre-rendered view is the default student's variant (the one the site grades by default). */
export function challengeView(
  challenge: Challenge,
  studentId = DEFAULT_STUDENT_ID,
): ChallengeView & { prompt: string } {
  const variant = renderVariant(challenge, studentId)
  const labels = Object.fromEntries((challenge.blanks ?? []).map((b) => [b.id, b.label]))
  return {
    prompt: variant.prompt,
    code: challenge.kind === 'predict-output' ? (variant.program ?? '') : (variant.starter ?? ''),
    fillIn: challenge.kind === 'fill-in' ? fillInParts(variant.starter ?? '', labels) : [],
    lines: challenge.kind === 'reorder' ? shuffleLines(challenge, studentId) : [],
  }
}
