/// <reference types="node" />
/**
 * @gradschool/course/node — the Node-only side: reading exercises/ from disk and writing scaffolds.
 * Everything else is in the browser-safe main entry.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parseCourse } from './parse-course.js'
import {
  type ScaffoldChallengeOptions,
  ScaffoldError,
  type ScaffoldLessonOptions,
  scaffoldChallenge,
  scaffoldLesson,
} from './scaffold.js'
import type { CourseLoadResult } from './types.js'

const TEXT_FILE = /\.(ya?ml|md|ts|hbs)$/

export interface LoadCourseOptions {
  /** Issue paths are written relative to this folder (default: the current directory), e.g. `exercises/02-the-neuron/…`. */
  issuesRelativeTo?: string
}

/** Read every text file under `rootDir` (exercises/) and parse it. Never throws on content problems. */
export async function loadCourse(
  rootDir: string,
  options: LoadCourseOptions = {},
): Promise<CourseLoadResult> {
  const base = relative(options.issuesRelativeTo ?? process.cwd(), rootDir)
  const display = (file: string) => (base === '' ? file : `${base.split('\\').join('/')}/${file}`)
  if (!existsSync(rootDir)) {
    return {
      course: {
        meta: { title: '', description: '', levels: [], xp: { firstAttemptBonus: 0, hintPenalty: 0 } },
        lessons: [],
      },
      issues: [{ file: display(''), message: `the exercises folder ${rootDir} does not exist` }],
    }
  }
  const files = await readTextFiles(rootDir)
  const result = parseCourse(files)
  return {
    course: result.course,
    issues: result.issues.map((issue) => ({ ...issue, file: display(issue.file) })),
  }
}

/** Every course text file under `rootDir`, keyed by its path relative to it (always with `/`). */
export async function readTextFiles(rootDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await visit(path)
      else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
        files[relative(rootDir, path).split('\\').join('/')] = await readFile(path, 'utf8')
      }
    }
  }
  await visit(rootDir)
  return files
}

/**
 * Write `files` into `dir`, creating it. Refuses, before writing anything, if any file already
 * exists: scaffolding never overwrites an instructor's work.
 */
export async function writeNewFiles(dir: string, files: Record<string, string>): Promise<string[]> {
  const paths = Object.keys(files).map((name) => join(dir, name))
  const existing = paths.filter((path) => existsSync(path))
  if (existing.length > 0) throw new ScaffoldError(`not overwriting existing files: ${existing.join(', ')}`)
  await mkdir(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, { flag: 'wx' })
  return paths
}

async function lessonFolders(rootDir: string): Promise<{ dir: string; number: number; slug: string }[]> {
  const entries = await readdir(rootDir, { withFileTypes: true })
  return entries.flatMap((entry) => {
    const match = entry.isDirectory() ? /^(\d+)-(.+)$/.exec(entry.name) : null
    return match ? [{ dir: entry.name, number: Number(match[1]), slug: match[2]! }] : []
  })
}

/** Create the next lesson folder under `rootDir`; returns the written paths. */
export async function createLesson(
  rootDir: string,
  title: string,
  options: ScaffoldLessonOptions = {},
): Promise<string[]> {
  const { course } = await loadCourse(rootDir)
  const levelOf = new Map(course.lessons.map((lesson) => [lesson.dir, lesson.level]))
  const fallbackLevel = options.level ?? course.meta.levels[0]?.name
  const existing = (await lessonFolders(rootDir)).map((folder) => ({
    number: folder.number,
    slug: folder.slug,
    level: levelOf.get(folder.dir) ?? fallbackLevel ?? '',
  }))
  const lastLevel = [...existing].sort((a, b) => a.number - b.number).at(-1)?.level
  const scaffold = scaffoldLesson(title, existing, { level: options.level ?? (lastLevel || fallbackLevel) })
  return writeNewFiles(join(rootDir, scaffold.dir), scaffold.files)
}

/** Create a challenge folder inside the lesson `options.lessonSlug` (`the-neuron` or `02-the-neuron`). */
export async function createChallenge(rootDir: string, options: ScaffoldChallengeOptions): Promise<string[]> {
  const lesson = (await lessonFolders(rootDir)).find(
    (folder) => folder.slug === options.lessonSlug || folder.dir === options.lessonSlug,
  )
  if (!lesson) throw new ScaffoldError(`no lesson folder \`NN-${options.lessonSlug}\` in ${rootDir}`)
  const scaffold = scaffoldChallenge(options)
  const slug = scaffold.dir.split('/').at(-1)!
  const dir = join(rootDir, lesson.dir, slug)
  if (existsSync(dir)) throw new ScaffoldError(`not overwriting: ${dir} already exists`)
  return writeNewFiles(dir, scaffold.files)
}
