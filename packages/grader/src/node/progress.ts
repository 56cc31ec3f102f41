import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { type Ledger, parseLedger } from '../xp/ledger.js'

/** `.gradschool/progress.json`: the learner's XP ledger on disk (relative to the course repo). */
export interface Progress {
  version: 1
  /** The student id variants were rendered for (`gradschool start --student`). */
  studentId?: string
  ledger: Ledger
}

export const PROGRESS_DIR = '.gradschool'
export const PROGRESS_FILE = 'progress.json'

export function progressPath(root: string): string {
  return join(root, PROGRESS_DIR, PROGRESS_FILE)
}

export interface LoadedProgress {
  progress: Progress
  /** Set when a corrupt file was found and moved aside (tell the user). */
  warning?: string
}

/**
 * Reads the progress file. A missing file is an empty ledger; a corrupt one is renamed to
 * `progress.json.corrupt-<timestamp>` and reported, never silently overwritten.
 */
export function readProgress(root: string, now: Date = new Date()): LoadedProgress {
  const file = progressPath(root)
  if (!existsSync(file)) return { progress: { version: 1, ledger: [] } }
  const text = readFileSync(file, 'utf8')
  try {
    const value = JSON.parse(text) as { version?: unknown; ledger?: unknown }
    if (value?.version !== 1)
      throw new Error(`field \`version\`: expected 1, got ${JSON.stringify(value?.version)}`)
    const studentId = (value as { studentId?: unknown }).studentId
    const ledger = parseLedger(value.ledger, 'field `ledger`')
    return {
      progress: typeof studentId === 'string' ? { version: 1, studentId, ledger } : { version: 1, ledger },
    }
  } catch (error) {
    const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
    renameSync(file, aside)
    return {
      progress: { version: 1, ledger: [] },
      warning: `${file} was unreadable (${(error as Error).message}); it was kept as ${aside} and progress starts fresh.`,
    }
  }
}

/**
 * Writes the progress file atomically: a temp file in the same folder, flushed to disk, then
 * renamed over the old one, so a crash or kill mid-write leaves either the old or the new file.
 */
export function writeProgress(root: string, progress: Progress): void {
  const file = progressPath(root)
  mkdirSync(join(root, PROGRESS_DIR), { recursive: true })
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, `${JSON.stringify(progress, null, 2)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
}
