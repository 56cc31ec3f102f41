import type { Challenge, ChallengeKind, ParamSpec } from '../src/types.js'

/** A challenge built directly (no loader), for the pure variant/reorder functions. */
export function challenge(
  overrides: Partial<Challenge> & { kind?: ChallengeKind; params?: Record<string, ParamSpec> } = {},
): Challenge {
  return {
    id: 'lesson/challenge',
    slug: 'challenge',
    lessonSlug: 'lesson',
    kind: 'implement',
    title: 'A challenge',
    prompt: 'Do it.',
    difficulty: 'easy',
    xp: 10,
    hints: [],
    params: {},
    reference: { path: 'lesson/challenge/reference.ts', text: 'export const x = 1\n', template: false },
    dir: 'lesson/challenge',
    ...overrides,
  }
}

export function reorderChallenge(lines: string[], id = 'lesson/order'): Challenge {
  const text = [
    'export function f(): number[] {',
    '  const out: number[] = []',
    '  // reorder:start',
    ...lines,
    '  // reorder:end',
    '  return out',
    '}',
  ].join('\n')
  return challenge({
    id,
    kind: 'reorder',
    reference: { path: 'lesson/order/reference.ts', text, template: false },
  })
}
