/**
 * Build-time access to the course. Every page reads exercises/ through this one function, so
 * the loader is called in one place; in dev it re-reads on each request (live editing).
 */
import { type Course, formatIssue, type Lesson } from '@gradschool/course'
import { loadCourse } from '@gradschool/course/node'

let cached: Promise<Course> | undefined
const reported = new Set<string>()

async function readCourse(): Promise<Course> {
  const { course, issues } = await loadCourse(__EXERCISES_DIR__)
  for (const issue of issues) {
    const text = formatIssue(issue)
    if (reported.has(text)) continue
    reported.add(text)
    console.warn(`[course] ${text}`)
  }
  return course
}

export function getCourse(): Promise<Course> {
  if (import.meta.env.DEV) return readCourse()
  cached ??= readCourse()
  return cached
}

export function findChallenge(course: Course, id: string) {
  for (const lesson of course.lessons)
    for (const challenge of lesson.challenges) if (challenge.id === id) return challenge
  return undefined
}

export interface LessonPosition {
  lesson: Lesson
  index: number
  total: number
  previous?: Lesson
  next?: Lesson
}

export function lessonPositions(course: Course): LessonPosition[] {
  const lessons = course.lessons
  return lessons.map((lesson, index) => ({
    lesson,
    index,
    total: lessons.length,
    previous: lessons[index - 1],
    next: lessons[index + 1],
  }))
}
