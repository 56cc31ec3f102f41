import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { BundleError, parseBundle } from '../bundle.js'
import {
  awardXp,
  findChallenge,
  gradeAllWork,
  gradeBundle,
  gradeWorkFile,
  levelOf,
} from '../node/grade-work.js'
import { readProgress, writeProgress } from '../node/progress.js'
import {
  toGithubAnnotations,
  toJUnitXml,
  toPretty,
  toResultsJson,
  toStepSummary,
} from '../reporters/index.js'
import type { Report, ReportItem } from '../reporters/report.js'
import type { LedgerEntry } from '../xp/ledger.js'
import { type GlobalOptions, loadCourseOrFail, rootOf, studentOf } from './context.js'
import { UsageError } from './usage-error.js'

export const REPORTERS = ['pretty', 'json', 'junit', 'github'] as const
export type ReporterName = (typeof REPORTERS)[number]

export interface GradeCommandOptions extends GlobalOptions {
  all?: boolean
  challenge?: string
  file?: string
  bundle?: string
  student?: string
  reporter: string
  seed?: string
  path?: string
  junitFile: string
}

export function parseReporters(text: string): ReporterName[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  for (const name of names) {
    if (!REPORTERS.includes(name as ReporterName)) {
      throw new UsageError(`unknown reporter \`${name}\`: use ${REPORTERS.join(', ')} (comma-separated)`)
    }
  }
  return names as ReporterName[]
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const seed = Number(text)
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got \`${text}\``)
  return seed
}

/** `gradschool grade`: returns the exit code (0 all pass, 1 any not passed). */
export async function gradeCommand(options: GradeCommandOptions): Promise<number> {
  const reporters = parseReporters(options.reporter)
  const modes = [options.all, options.challenge !== undefined, options.bundle !== undefined].filter(
    Boolean,
  ).length
  if (modes !== 1)
    throw new UsageError('say what to grade: --all, --challenge <id> [--file <path>], or --bundle <file>')
  if (options.file !== undefined && options.challenge === undefined)
    throw new UsageError('--file needs --challenge <id>')
  const seed = parseSeed(options.seed)
  const root = rootOf(options)
  const { course } = await loadCourseOrFail(options)
  const common = {
    ...(seed === undefined ? {} : { seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  }

  let items: ReportItem[]
  let studentId: string
  let report: Report
  if (options.bundle !== undefined) {
    let bundle: ReturnType<typeof parseBundle>
    try {
      bundle = parseBundle(readFileSync(resolve(root, options.bundle), 'utf8'))
    } catch (error) {
      if (error instanceof BundleError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new UsageError(`${options.bundle}: ${(error as Error).message}`)
      }
      throw error
    }
    studentId = bundle.studentId
    items = await gradeBundle(course, bundle, common)
    // A bundle carries its own history: XP is computed from it alone, not from this machine's progress.
    const ledger = awardXp(course, earlierAttempts(bundle.attempts), items, bundle.hintsUsed)
    report = {
      studentId,
      items,
      totalXp: ledger.reduce((sum, entry) => sum + entry.xp, 0),
      level: levelOf(course, ledger),
    }
  } else {
    studentId = studentOf(root, options.student)
    if (options.challenge !== undefined) {
      const challenge = findChallenge(course, options.challenge)
      if (!challenge) throw new UsageError(`no challenge \`${options.challenge}\` (see \`gradschool list\`)`)
      items = [
        await gradeWorkFile(root, challenge, {
          studentId,
          ...common,
          ...(options.file ? { file: options.file } : {}),
        }),
      ]
    } else {
      items = await gradeAllWork(root, course, { studentId, ...common })
    }
    const loaded = readProgress(root)
    if (loaded.warning) process.stderr.write(`warning: ${loaded.warning}\n`)
    const ledger = awardXp(course, loaded.progress.ledger, items)
    writeProgress(root, { ...loaded.progress, ledger })
    report = {
      studentId,
      items,
      totalXp: ledger.reduce((sum, entry) => sum + entry.xp, 0),
      level: levelOf(course, ledger),
    }
  }

  for (const reporter of reporters) {
    switch (reporter) {
      case 'pretty':
        process.stdout.write(`${toPretty(report)}\n`)
        break
      case 'json':
        process.stdout.write(`${JSON.stringify(toResultsJson(report), null, 2)}\n`)
        break
      case 'junit':
        writeFileSync(resolve(root, options.junitFile), toJUnitXml(report))
        break
      case 'github': {
        for (const line of toGithubAnnotations(report)) process.stdout.write(`${line}\n`)
        const summary = process.env.GITHUB_STEP_SUMMARY
        if (summary) appendFileSync(summary, `${toStepSummary(report)}\n`)
        break
      }
    }
  }
  if (items.length === 0) {
    process.stderr.write(
      'Nothing to grade: no work files found. Start with `gradschool start <challenge-id>`.\n',
    )
    return 1
  }
  return items.every((item) => item.verdict.status === 'pass') ? 0 : 1
}

/** The failed attempts a bundle reports, as ledger entries, so its pass is numbered like on the site. */
function earlierAttempts(attempts: Record<string, number>): LedgerEntry[] {
  return Object.entries(attempts).flatMap(([challengeId, count]) =>
    Array.from({ length: count }, (_, i) => ({
      challengeId,
      status: 'fail' as const,
      at: new Date(0).toISOString(),
      attempt: i + 1,
      hintsUsed: 0,
      xp: 0,
    })),
  )
}
