import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { VerdictStatus } from '../src/index.js'
import {
  type Ledger,
  type LedgerEntry,
  levelFor,
  parseLedger,
  recordAttempt,
  totalXp,
  xpForPass,
} from '../src/index.js'

const rules = { firstAttemptBonus: 0.2, hintPenalty: 0.1 }
const statuses: VerdictStatus[] = ['pass', 'fail', 'error', 'timeout', 'memory']

const attemptArb = fc.record({
  challengeId: fc.constantFrom('a/one', 'a/two', 'b/three'),
  challengeXp: fc.constantFrom(10, 20, 35),
  status: fc.constantFrom(...statuses),
  hintsUsed: fc.integer({ min: 0, max: 3 }),
  at: fc.constant('2024-01-01T00:00:00.000Z'),
})

function replay(attempts: fc.infer<typeof fc.array<fc.infer<typeof attemptArb>>>): Ledger {
  return attempts.reduce<Ledger>((ledger, attempt) => recordAttempt(ledger, attempt, rules).ledger, [])
}

describe('XP rules', () => {
  test('first-attempt bonus and hint penalty, by hand', () => {
    // 20 XP × (1 + 0.2) = 24 on the first attempt with no hint.
    expect(xpForPass(20, 1, 0, rules)).toBe(24)
    // 20 × (1 − 0.1 × 2) = 16 on a later attempt with two hints.
    expect(xpForPass(20, 3, 2, rules)).toBe(16)
    // 20 × (1 + 0.2 − 0.1) = 22 on the first attempt with one hint.
    expect(xpForPass(20, 1, 1, rules)).toBe(22)
    // Never below zero: 20 × (1 − 0.1 × 15) < 0.
    expect(xpForPass(20, 2, 15, rules)).toBe(0)
  })

  test('levels: the highest threshold reached, and what is left to the next', () => {
    const levels = [
      { name: 'Undergrad', xp: 0 },
      { name: 'Masters', xp: 150 },
      { name: 'PhD', xp: 400 },
    ]
    expect(levelFor(0, levels)).toEqual({ level: levels[0], next: levels[1], toNext: 150 })
    expect(levelFor(150, levels)).toEqual({ level: levels[1], next: levels[2], toNext: 250 })
    expect(levelFor(999, levels)).toEqual({ level: levels[2], next: undefined, toNext: 0 })
  })
})

describe('the ledger', () => {
  test('is append-only: every recording keeps the old entries as they were', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 30 }), attemptArb, (attempts, next) => {
        const before = replay(attempts)
        const snapshot = JSON.stringify(before)
        const after = recordAttempt(before, next, rules).ledger
        expect(JSON.stringify(before)).toBe(snapshot)
        expect(after.slice(0, before.length)).toEqual(before)
        expect(after.length - before.length).toBeLessThanOrEqual(1)
      }),
    )
  })

  test('is idempotent: re-grading a passed challenge never changes it (so XP is awarded once)', () => {
    fc.assert(
      fc.property(
        fc.array(attemptArb, { maxLength: 30 }),
        fc.array(attemptArb, { maxLength: 10 }),
        (attempts, regrades) => {
          const ledger = replay(attempts)
          const passed = new Set(
            ledger.filter((entry) => entry.status === 'pass').map((entry) => entry.challengeId),
          )
          for (const regrade of regrades.filter((attempt) => passed.has(attempt.challengeId))) {
            expect(recordAttempt(ledger, regrade, rules).ledger).toBe(ledger)
          }
        },
      ),
    )
  })

  test('awards XP exactly once per challenge, for its first pass, with the bonus only on attempt 1', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 40 }), (attempts) => {
        const ledger = replay(attempts)
        const earning = ledger.filter((entry) => entry.xp > 0)
        expect(new Set(earning.map((entry) => entry.challengeId)).size).toBe(earning.length)
        for (const entry of ledger) {
          if (entry.status !== 'pass') expect(entry.xp).toBe(0)
        }
        // Independent recomputation: the first pass of each challenge, from the raw attempts.
        let expected = 0
        const seen = new Map<string, number>()
        const done = new Set<string>()
        for (const attempt of attempts) {
          if (done.has(attempt.challengeId)) continue
          const number = (seen.get(attempt.challengeId) ?? 0) + 1
          seen.set(attempt.challengeId, number)
          if (attempt.status === 'pass') {
            done.add(attempt.challengeId)
            const factor = 1 + (number === 1 ? 0.2 : 0) - 0.1 * attempt.hintsUsed
            expected += Math.max(0, Math.round(attempt.challengeXp * factor))
          }
        }
        expect(totalXp(ledger)).toBe(expected)
      }),
    )
  })

  test('parseLedger accepts what was recorded and names the first bad field', () => {
    const ledger = recordAttempt(
      [],
      { challengeId: 'a/b', challengeXp: 10, status: 'pass', at: 'now' },
      rules,
    ).ledger
    expect(parseLedger(JSON.parse(JSON.stringify(ledger)))).toEqual(ledger)
    const bad = [{ ...(ledger[0] as LedgerEntry), xp: -5 }]
    expect(() => parseLedger(bad)).toThrow('ledger[0]: field `xp` is missing or invalid')
  })
})
