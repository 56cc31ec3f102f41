import {
  BLANK_PATTERN,
  type Challenge,
  renderVariant,
  type Submission,
  SubmissionError,
  shuffleLines,
} from '@gradschool/course'

/**
 * Where a learner's answer to a challenge lives, relative to the course repository:
 * code kinds in `work/<lesson>/<challenge>.ts`, reorder puzzles in `…/<challenge>.txt` (one line
 * per line, to be put in order), predictions in `…/<challenge>.output.txt` (next to the program,
 * `…/<challenge>.program.ts`, to read).
 */
export function workFileFor(challenge: Challenge): string {
  const base = `work/${challenge.lessonSlug}/${challenge.slug}`
  switch (challenge.kind) {
    case 'reorder':
      return `${base}.txt`
    case 'predict-output':
      return `${base}.output.txt`
    default:
      return `${base}.ts`
  }
}

/** The files `gradschool start` writes for this learner's variant (answer file first). */
export function starterFiles(challenge: Challenge, studentId: string): Record<string, string> {
  const variant = renderVariant(challenge, studentId)
  const answer = workFileFor(challenge)
  switch (challenge.kind) {
    case 'reorder':
      return { [answer]: `${shuffleLines(challenge, studentId).join('\n')}\n` }
    case 'predict-output':
      return {
        [answer]: '',
        [answer.replace(/\.output\.txt$/, '.program.ts')]: variant.program ?? '',
      }
    default:
      return {
        [answer]:
          variant.starter ?? `export function ${challenge.entry ?? 'solution'}() {\n  // your code\n}\n`,
      }
  }
}

/** Reads a work file back into a submission. Fill-in work is matched against the starter to find the blanks. */
export function submissionFromWork(challenge: Challenge, text: string, studentId: string): Submission {
  switch (challenge.kind) {
    case 'implement':
    case 'fix-bug':
      return { kind: challenge.kind, code: text }
    case 'fill-in':
      return {
        kind: 'fill-in',
        blanks: extractBlanks(renderVariant(challenge, studentId).starter ?? '', text),
      }
    case 'reorder':
      return {
        kind: 'reorder',
        lines: text
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((line) => line.trimEnd())
          .filter((line) => line.trim() !== ''),
      }
    case 'predict-output':
      return { kind: 'predict-output', output: text }
  }
}

/**
 * The learner's text for each `___id___` of the starter: the starter's fixed text must still be
 * there, in order; whatever replaced each blank is its fill.
 */
export function extractBlanks(starter: string, work: string): Record<string, string> {
  const parts = starter.replace(/\r\n?/g, '\n').split(new RegExp(BLANK_PATTERN.source))
  const text = work.replace(/\r\n?/g, '\n')
  const blanks: Record<string, string> = {}
  const first = parts[0] ?? ''
  if (!text.startsWith(first))
    throw new SubmissionError(
      'change only the blanks (`___…___`): the code before the first blank was edited',
    )
  let position = first.length
  for (let i = 1; i < parts.length; i += 2) {
    const id = parts[i]!
    const literal = parts[i + 1] ?? ''
    const last = i + 2 >= parts.length
    const end = last ? text.trimEnd().length - literal.trimEnd().length : text.indexOf(literal, position)
    if (end < position || (last && !text.trimEnd().endsWith(literal.trimEnd()))) {
      throw new SubmissionError(
        `change only the blanks (\`___…___\`): the code after blank \`${id}\` was edited`,
      )
    }
    const fill = text.slice(position, end)
    if (BLANK_PATTERN.test(fill)) {
      BLANK_PATTERN.lastIndex = 0
      throw new SubmissionError(`fill in blank \`${id}\``)
    }
    blanks[id] = fill
    position = end + literal.length
  }
  return blanks
}
