import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { LedgerEntry } from '../src/index.js'
import { progressPath, readProgress, writeProgress } from '../src/node/progress.js'

const entry: LedgerEntry = {
  challengeId: 'a/b',
  status: 'pass',
  at: '2024-01-01T00:00:00.000Z',
  attempt: 1,
  hintsUsed: 0,
  xp: 12,
}

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'gradschool-progress-'))
}

describe('.gradschool/progress.json', () => {
  test('round-trips and a missing file is an empty ledger', () => {
    const root = tempRoot()
    expect(readProgress(root).progress).toEqual({ version: 1, ledger: [] })
    writeProgress(root, { version: 1, studentId: 'ada', ledger: [entry] })
    expect(readProgress(root)).toEqual({ progress: { version: 1, studentId: 'ada', ledger: [entry] } })
  })

  test('writes leave no temp files behind', () => {
    const root = tempRoot()
    for (let i = 0; i < 5; i++) writeProgress(root, { version: 1, ledger: [{ ...entry, xp: i }] })
    expect(readdirSync(join(root, '.gradschool'))).toEqual(['progress.json'])
  })

  test('a writer killed mid-way leaves the old file intact', () => {
    const root = tempRoot()
    writeProgress(root, { version: 1, ledger: [entry] })
    // A child process writes a big ledger in a loop and is killed while doing so.
    const script = `
      import { writeProgress } from ${JSON.stringify(join(import.meta.dirname, '../src/node/progress.ts'))}
      const ledger = Array.from({ length: 20000 }, (_, i) => ({ ...${JSON.stringify(entry)}, challengeId: 'c/' + i }))
      for (;;) writeProgress(${JSON.stringify(root)}, { version: 1, ledger })
    `
    // One process (node with tsx's loader), not the tsx launcher: killing the launcher would leave
    // its node child writing forever.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: join(import.meta.dirname, '..'),
      timeout: 3000,
      killSignal: 'SIGKILL',
    })
    expect(child.signal).toBe('SIGKILL')
    const loaded = readProgress(root)
    expect(loaded.warning).toBeUndefined()
    expect([1, 20000]).toContain(loaded.progress.ledger.length)
  })

  test('a corrupt file is reported and kept aside, not silently reset', () => {
    const root = tempRoot()
    mkdirSync(join(root, '.gradschool'))
    writeFileSync(progressPath(root), '{"version": 1, "ledger": [')
    const loaded = readProgress(root, new Date('2024-05-06T07:08:09.010Z'))
    expect(loaded.progress.ledger).toEqual([])
    const aside = `${progressPath(root)}.corrupt-2024-05-06T07-08-09-010Z`
    expect(loaded.warning).toContain(aside)
    expect(readFileSync(aside, 'utf8')).toBe('{"version": 1, "ledger": [')
    expect(existsSync(progressPath(root))).toBe(false)
  })

  test('a file with an invalid entry counts as corrupt too', () => {
    const root = tempRoot()
    mkdirSync(join(root, '.gradschool'))
    writeFileSync(progressPath(root), JSON.stringify({ version: 1, ledger: [{ ...entry, status: 'great' }] }))
    const loaded = readProgress(root)
    expect(loaded.warning).toContain('field `status`')
  })
})
