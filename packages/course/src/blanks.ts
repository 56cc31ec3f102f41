import { SubmissionError } from './errors.js'

/** A blank in a fill-in starter: `___id___`, where id is a letter followed by letters, digits or `-`. */
export const BLANK_PATTERN = /___([A-Za-z][A-Za-z0-9-]*)___/g

/** The blank ids used in a starter, in order of first appearance. */
export function blankIdsIn(starterText: string): string[] {
  const ids = new Set<string>()
  for (const match of starterText.matchAll(BLANK_PATTERN)) ids.add(match[1]!)
  return [...ids]
}

/**
 * Replace every `___id___` in the starter with the learner's text for that blank. Substitution is
 * one pass over the starter, so the learner's text is inserted verbatim: `$&`, backslashes or even
 * `___other___` typed into a blank are never interpreted.
 */
export function fillBlanks(starterText: string, blanks: Record<string, string>): string {
  const used = blankIdsIn(starterText)
  const missing = used.filter((id) => !Object.hasOwn(blanks, id))
  const unknown = Object.keys(blanks).filter((id) => !used.includes(id))
  if (unknown.length > 0) {
    throw new SubmissionError(
      `unknown blank${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `\`${id}\``).join(', ')}: this challenge has ${used.map((id) => `\`${id}\``).join(', ') || 'no blanks'}`,
    )
  }
  if (missing.length > 0) {
    throw new SubmissionError(
      `fill in blank${missing.length > 1 ? 's' : ''} ${missing.map((id) => `\`${id}\``).join(', ')}`,
    )
  }
  return starterText.replace(BLANK_PATTERN, (_match, id: string) => blanks[id]!)
}
