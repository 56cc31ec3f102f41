/** Reorder challenges: the movable region of the reference, shuffled per student and reassembled. */
import { SubmissionError } from './errors.js'
import { seededRandom, variantSeed } from './seed.js'
import type { Challenge } from './types.js'
import { renderSourceFile, variantParams } from './variants.js'

export const REORDER_START = '// reorder:start'
export const REORDER_END = '// reorder:end'

export interface ReorderRegion {
  /** Lines before the start marker (marker excluded). */
  before: string[]
  /** The movable lines in their correct order: non-empty lines between the markers, trailing spaces removed. */
  lines: string[]
  /** Lines after the end marker (marker excluded). */
  after: string[]
}

/** A reference whose reorder markers are missing or misplaced; `line` is 1-based. */
export class ReorderFormatError extends Error {
  override name = 'ReorderFormatError'
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message)
  }
}

export function reorderRegion(referenceText: string): ReorderRegion {
  const all = referenceText.replace(/\r\n?/g, '\n').split('\n')
  const starts = indicesOf(all, REORDER_START)
  const ends = indicesOf(all, REORDER_END)
  if (starts.length !== 1 || ends.length !== 1) {
    const extra = starts[1] ?? ends[1]
    throw new ReorderFormatError(
      `a reorder reference needs exactly one \`${REORDER_START}\` line and one \`${REORDER_END}\` line (found ${starts.length} and ${ends.length})`,
      extra === undefined ? undefined : extra + 1,
    )
  }
  const start = starts[0]!
  const end = ends[0]!
  if (end < start)
    throw new ReorderFormatError(`\`${REORDER_END}\` comes before \`${REORDER_START}\``, end + 1)
  const lines = all
    .slice(start + 1, end)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
  if (lines.length < 2) {
    throw new ReorderFormatError(
      `the reorder region needs at least 2 non-empty lines, found ${lines.length}`,
      start + 1,
    )
  }
  return { before: all.slice(0, start), lines, after: all.slice(end + 1) }
}

function indicesOf(lines: string[], marker: string): number[] {
  return lines.flatMap((line, index) => (line.trim() === marker ? [index] : []))
}

function regionFor(challenge: Challenge, studentId?: string): ReorderRegion {
  if (challenge.reference.template && studentId === undefined) {
    throw new Error(`${challenge.id}: the reference is a template, so the student id is needed to rebuild it`)
  }
  const params = studentId === undefined ? {} : variantParams(challenge, studentId)
  return reorderRegion(renderSourceFile(challenge.reference, params))
}

/**
 * The movable lines in this student's shuffled order. Never the correct order when the lines are
 * not all identical: a shuffle that lands on it is rotated by one, which always changes a sequence
 * whose elements are not all equal.
 */
export function shuffleLines(challenge: Challenge, studentId: string): string[] {
  const correct = regionFor(challenge, studentId).lines
  const random = seededRandom(variantSeed(studentId, `${challenge.id}#reorder`))
  const shuffled = [...correct]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
  }
  if (shuffled.every((line, index) => line === correct[index])) shuffled.push(shuffled.shift()!)
  return shuffled
}

/**
 * The program for a reorder submission: the reference with its region replaced by the learner's
 * lines. The lines must be exactly the puzzle's lines, rearranged (nothing added or changed).
 * `studentId` is required when the reference is a template.
 */
export function assembleReorder(challenge: Challenge, lines: readonly string[], studentId?: string): string {
  const region = regionFor(challenge, studentId)
  const remaining = [...region.lines]
  for (const line of lines) {
    const at = remaining.indexOf(line)
    if (at === -1) {
      throw new SubmissionError(
        region.lines.includes(line)
          ? `the line \`${line.trim()}\` is used more times than the puzzle has it`
          : `the line \`${line.trim()}\` is not one of this puzzle's lines`,
      )
    }
    remaining.splice(at, 1)
  }
  if (remaining.length > 0) {
    throw new SubmissionError(
      `place every line: ${remaining.map((line) => `\`${line.trim()}\``).join(', ')} missing`,
    )
  }
  return [...region.before, ...lines, ...region.after].join('\n')
}
