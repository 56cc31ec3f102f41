import { resolve } from 'node:path'
import type { Course, CourseIssue } from '@gradschool/course'
import { formatIssue } from '@gradschool/course'
import { loadCourse } from '@gradschool/course/node'
import { ANONYMOUS_STUDENT } from '../grading/grade.js'
import { readProgress } from '../node/progress.js'
import { UsageError } from './usage-error.js'

export interface GlobalOptions {
  root?: string
  exercises?: string
}

/** The course repository the CLI works in: the current directory unless `--root` says otherwise. */
export function rootOf(options: GlobalOptions): string {
  return resolve(options.root ?? process.cwd())
}

/** The exercises/ folder the CLI reads. */
export function exercisesDirOf(options: GlobalOptions): string {
  return resolve(rootOf(options), options.exercises ?? 'exercises')
}

/** Loads exercises/; content problems are a configuration error (exit 2) listing every issue. */
export async function loadCourseOrFail(
  options: GlobalOptions,
  allowIssues = false,
): Promise<{ course: Course; issues: CourseIssue[] }> {
  const root = rootOf(options)
  const { course, issues } = await loadCourse(exercisesDirOf(options), { issuesRelativeTo: root })
  const lines = issues.map(formatIssue)
  if (lines.length > 0 && !allowIssues) {
    throw new UsageError(
      `the course has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.map((line) => `  ${line}`).join('\n')}`,
    )
  }
  return { course, issues }
}

/** `--student`, else the id saved by `gradschool start`, else `anonymous`. */
export function studentOf(root: string, given: string | undefined): string {
  if (given) return given
  return readProgress(root).progress.studentId ?? ANONYMOUS_STUDENT
}
