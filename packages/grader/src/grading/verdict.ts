import type { ChallengeKind } from '@gradschool/course'

export type VerdictStatus = 'pass' | 'fail' | 'error' | 'timeout' | 'memory'

export const VERDICT_STATUSES: readonly VerdictStatus[] = ['pass', 'fail', 'error', 'timeout', 'memory']

/** A place in the learner's file (1-based line and column). */
export interface Location {
  file: string
  line: number
  column?: number
}

/** The input that broke a submission, after shrinking. */
export interface Counterexample {
  /** The call as text, e.g. `neuron([0], [0], -1)`. */
  call: string
  args: unknown[]
  actual: string
  expected: string
}

/** How to reproduce a property-based verdict exactly: `--seed <seed> --path <path>`. */
export interface Replay {
  seed: number
  path?: string
}

export interface Verdict {
  challengeId: string
  kind: ChallengeKind | 'quiz'
  status: VerdictStatus
  /** One or more lines a learner can act on. */
  message: string
  location?: Location
  counterexample?: Counterexample
  replay?: Replay
  /** What the learner's code printed (capped). */
  output: string
  /** Property runs that passed (implement-like kinds). */
  runs?: number
  /** Set when the course, not the learner, is at fault (broken spec, reference or program): no XP attempt is recorded. */
  courseProblem?: boolean
  /** quiz: why the right answer is right. */
  explanation?: string
}

export function verdict(
  challengeId: string,
  kind: Verdict['kind'],
  status: VerdictStatus,
  message: string,
  extra: Partial<Omit<Verdict, 'challengeId' | 'kind' | 'status' | 'message'>> = {},
): Verdict {
  return { challengeId, kind, status, message, output: '', ...extra }
}
