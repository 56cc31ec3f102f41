import type { ChallengeKind } from './types.js'

/** The source files a challenge folder may hold; each may be `name.ts` or the template `name.ts.hbs`. */
export const CHALLENGE_FILES = ['reference', 'starter', 'program', 'spec'] as const
export type ChallengeFileRole = (typeof CHALLENGE_FILES)[number]

/** Which files (and whether `entry` is needed) each kind requires. */
export const REQUIRED_FILES: Record<ChallengeKind, readonly ChallengeFileRole[]> = {
  implement: ['reference', 'spec'],
  'fix-bug': ['reference', 'spec', 'starter'],
  'fill-in': ['reference', 'spec', 'starter'],
  reorder: ['reference', 'spec'],
  'predict-output': ['program'],
}

export function challengeFileNames(role: ChallengeFileRole): [plain: string, template: string] {
  return [`${role}.ts`, `${role}.ts.hbs`]
}
