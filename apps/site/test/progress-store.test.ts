import { describe, expect, it } from 'vitest'
import {
  CORRUPT_KEY_PREFIX,
  emptyProgress,
  loadProgress,
  recordAttempt,
  recordHint,
  STORAGE_KEY,
  saveProgress,
  totalXp,
} from '../src/scripts/progress-store.js'

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

const rules = { firstAttemptBonus: 0.2, hintPenalty: 0.1 }
const now = () => new Date('2025-01-02T03:04:05.000Z')

describe('progress store', () => {
  it('starts fresh, with no problem, when nothing is stored', () => {
    const loaded = loadProgress(new MemoryStorage())
    expect(loaded.problem).toBeUndefined()
    expect(loaded.progress).toEqual(emptyProgress())
  })

  it('round-trips what it saved', () => {
    const storage = new MemoryStorage()
    const progress = emptyProgress('ada')
    recordAttempt(
      progress,
      {
        challengeId: 'l/c',
        challengeXp: 10,
        status: 'pass',
        submission: { kind: 'predict-output', output: '1' },
      },
      rules,
      now,
    )
    saveProgress(progress, storage)
    expect(loadProgress(storage).progress).toEqual(progress)
  })

  it.each([
    ['not JSON', '{"version": 1,'],
    ['wrong version', JSON.stringify({ ...emptyProgress(), version: 7 })],
    [
      'a ledger entry without xp',
      JSON.stringify({
        ...emptyProgress(),
        ledger: [{ challengeId: 'a', status: 'pass', at: 'x', attempt: 1, hintsUsed: 0 }],
      }),
    ],
    ['negative hints', JSON.stringify({ ...emptyProgress(), hintsUsed: { a: -1 } })],
  ])('keeps a corrupt store (%s) aside, reports it and starts fresh', (_name, raw) => {
    const storage = new MemoryStorage()
    storage.setItem(STORAGE_KEY, raw)
    const loaded = loadProgress(storage, now)
    const asideKey = `${CORRUPT_KEY_PREFIX}2025-01-02T03:04:05.000Z`
    expect(storage.getItem(asideKey)).toBe(raw)
    expect(storage.getItem(STORAGE_KEY)).toBeNull()
    expect(loaded.problem).toContain(asideKey)
    expect(loaded.progress).toEqual(emptyProgress())
  })

  it('awards XP once, by the course rules: no bonus after a failed attempt, minus hints', () => {
    const progress = emptyProgress()
    const submission = { kind: 'implement', code: '' } as const
    recordHint(progress, 'l/c')
    expect(
      recordAttempt(
        progress,
        { challengeId: 'l/c', challengeXp: 20, status: 'fail', submission },
        rules,
        now,
      ),
    ).toBe(0)
    // 20 × (1 − 0.1 for the hint) = 18; the first-attempt bonus is gone.
    expect(
      recordAttempt(
        progress,
        { challengeId: 'l/c', challengeXp: 20, status: 'pass', submission },
        rules,
        now,
      ),
    ).toBe(18)
    expect(
      recordAttempt(
        progress,
        { challengeId: 'l/c', challengeXp: 20, status: 'pass', submission },
        rules,
        now,
      ),
    ).toBe(0)
    expect(totalXp(progress)).toBe(18)
  })

  it('gives the first-attempt bonus on a first-try pass', () => {
    const progress = emptyProgress()
    const submission = { kind: 'reorder' as const, lines: [] }
    // 10 × 1.2 = 12
    expect(
      recordAttempt(
        progress,
        { challengeId: 'l/r', challengeXp: 10, status: 'pass', submission },
        rules,
        now,
      ),
    ).toBe(12)
  })
})
