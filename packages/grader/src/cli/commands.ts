import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import {
  CHALLENGE_KINDS,
  type ChallengeKind,
  renderVariant,
  ScaffoldError,
  shuffleLines,
} from '@gradschool/course'
import { createChallenge, createLesson } from '@gradschool/course/node'
import pc from 'picocolors'
import { checkCourse } from '../node/check.js'
import { findChallenge, levelOf } from '../node/grade-work.js'
import { readProgress, writeProgress } from '../node/progress.js'
import { starterFiles } from '../node/work-files.js'
import { hasPassed, totalXp } from '../xp/ledger.js'
import { exercisesDirOf, type GlobalOptions, loadCourseOrFail, rootOf, studentOf } from './context.js'
import { UsageError } from './usage-error.js'

export async function listCommand(options: GlobalOptions & { student?: string }): Promise<number> {
  const root = rootOf(options)
  const { course } = await loadCourseOrFail(options)
  const { progress, warning } = readProgress(root)
  if (warning) process.stderr.write(`warning: ${warning}\n`)
  for (const lesson of course.lessons) {
    process.stdout.write(`${pc.bold(`${lesson.number}. ${lesson.title}`)} ${pc.dim(`(${lesson.slug})`)}\n`)
    for (const challenge of lesson.challenges) {
      const entries = progress.ledger.filter((entry) => entry.challengeId === challenge.id)
      const passed = hasPassed(progress.ledger, challenge.id)
      const earned = entries.reduce((sum, entry) => sum + entry.xp, 0)
      const status = passed
        ? pc.green(`✓ passed +${earned} XP`)
        : entries.length > 0
          ? pc.yellow(`${entries.length} attempt(s)`)
          : pc.dim('not started')
      process.stdout.write(
        `  ${challenge.id.padEnd(40)} ${challenge.kind.padEnd(14)} ${String(challenge.xp).padStart(3)} XP  ${status}\n`,
      )
    }
  }
  const level = levelOf(course, progress.ledger)
  process.stdout.write(
    `\n${totalXp(progress.ledger)} XP${level.level ? ` · ${level.level.name}` : ''}${level.next ? ` (${level.toNext} XP to ${level.next.name})` : ''}\n`,
  )
  return 0
}

export async function startCommand(
  id: string,
  options: GlobalOptions & { student?: string },
): Promise<number> {
  const root = rootOf(options)
  const { course } = await loadCourseOrFail(options)
  const challenge = findChallenge(course, id)
  if (!challenge) throw new UsageError(`no challenge \`${id}\` (see \`gradschool list\`)`)
  const studentId = studentOf(root, options.student)
  if (options.student) {
    const loaded = readProgress(root)
    if (loaded.progress.studentId !== options.student)
      writeProgress(root, { ...loaded.progress, studentId: options.student })
  }
  for (const [file, text] of Object.entries(starterFiles(challenge, studentId))) {
    const path = join(root, file)
    if (existsSync(path)) {
      process.stdout.write(`${file} already exists; keeping your work.\n`)
      continue
    }
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text, { flag: 'wx' })
    process.stdout.write(`wrote ${file}\n`)
  }
  process.stdout.write(
    `\n${pc.bold(challenge.title)}\n${renderVariant(challenge, studentId).prompt.trim()}\n\nWhen ready: gradschool grade --challenge ${challenge.id}\n`,
  )
  return 0
}

export async function variantCommand(
  id: string,
  options: GlobalOptions & { student?: string },
): Promise<number> {
  const root = rootOf(options)
  const { course } = await loadCourseOrFail(options)
  const challenge = findChallenge(course, id)
  if (!challenge) throw new UsageError(`no challenge \`${id}\` (see \`gradschool list\`)`)
  const studentId = studentOf(root, options.student)
  const variant = renderVariant(challenge, studentId)
  const out: string[] = [`# ${challenge.id} for student ${studentId}`]
  if (Object.keys(variant.params).length > 0) out.push(`params: ${JSON.stringify(variant.params)}`)
  out.push('', variant.prompt.trim())
  if (variant.starter !== undefined) out.push('', '--- starter ---', variant.starter.trimEnd())
  if (variant.program !== undefined) out.push('', '--- program ---', variant.program.trimEnd())
  if (challenge.kind === 'reorder')
    out.push('', '--- lines (shuffled) ---', ...shuffleLines(challenge, studentId))
  process.stdout.write(`${out.join('\n')}\n`)
  return 0
}

export async function checkCommand(options: GlobalOptions): Promise<number> {
  const started = performance.now()
  const { course, issues } = await loadCourseOrFail(options, true)
  const result = await checkCourse(course, issues, { exercisesDir: exercisesDirOf(options) })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (result.problems.length === 0) {
    process.stdout.write(`${pc.green('✓')} course checked: ${result.checks} checks passed in ${seconds} s\n`)
    return 0
  }
  process.stdout.write(`${pc.red('✗')} ${result.problems.length} problem(s) in the course:\n`)
  for (const problem of result.problems) {
    const text = problem.message.startsWith(problem.where)
      ? problem.message
      : `${problem.where}: ${problem.message}`
    process.stdout.write(`  ${text}\n`)
  }
  return 1
}

export async function newLessonCommand(
  title: string,
  options: GlobalOptions & { level?: string },
): Promise<number> {
  const root = rootOf(options)
  const dir = resolve(root, options.exercises ?? 'exercises')
  const written = await scaffold(() =>
    createLesson(dir, title, options.level ? { level: options.level } : {}),
  )
  for (const path of written) process.stdout.write(`wrote ${relative(root, path)}\n`)
  return 0
}

export async function newChallengeCommand(
  options: GlobalOptions & { lesson: string; kind: string; slug?: string },
): Promise<number> {
  if (!CHALLENGE_KINDS.includes(options.kind as ChallengeKind)) {
    throw new UsageError(`unknown kind \`${options.kind}\`: use ${CHALLENGE_KINDS.join(', ')}`)
  }
  const root = rootOf(options)
  const dir = resolve(root, options.exercises ?? 'exercises')
  const request = {
    lessonSlug: options.lesson,
    kind: options.kind as ChallengeKind,
    ...(options.slug ? { slug: options.slug } : {}),
  }
  const written = await scaffold(() => createChallenge(dir, request))
  for (const path of written) process.stdout.write(`wrote ${relative(root, path)}\n`)
  return 0
}

async function scaffold(run: () => Promise<string[]>): Promise<string[]> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof ScaffoldError) throw new UsageError(error.message)
    throw error
  }
}
