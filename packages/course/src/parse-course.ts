/** The whole exercises/ tree, from an in-memory map of path → text. Pure and browser-safe. */
import { parseChallenge } from './challenge.js'
import { IssueList } from './issues.js'
import { parseLesson } from './lesson.js'
import { courseSchema, validate } from './schemas.js'
import type { Challenge, CourseLoadResult, CourseMeta, Lesson } from './types.js'
import { parseYaml } from './yaml-source.js'

const LESSON_DIR = /^(\d+)-(.+)$/
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const CHALLENGE_FILE = /^(challenge\.yaml|(reference|starter|program|spec)\.ts(\.hbs)?)$/

const EMPTY_META: CourseMeta = {
  title: '',
  description: '',
  levels: [],
  xp: { firstAttemptBonus: 0, hintPenalty: 0 },
}

/**
 * Parse and check a course. `files` maps paths relative to exercises/ (`02-the-neuron/lesson.md`)
 * to their text. Never throws on content problems: the course holds every lesson and challenge
 * that could be read, and `issues` lists everything wrong, each naming its file and field or line.
 */
export function parseCourse(files: Record<string, string>): CourseLoadResult {
  const issues = new IssueList()
  const tree = new Map<string, Map<string, Record<string, string>>>()
  for (const [rawPath, text] of Object.entries(files)) {
    const parts = rawPath.replace(/\\/g, '/').replace(/^\.\//, '').split('/')
    if (parts.length < 2 || !LESSON_DIR.test(parts[0]!)) continue
    const [lessonDir, ...rest] = parts as [string, ...string[]]
    const folder = rest.length === 1 ? '' : rest[0]!
    if (rest.length > 2) continue
    const lesson = tree.get(lessonDir) ?? new Map<string, Record<string, string>>()
    tree.set(lessonDir, lesson)
    const entries = lesson.get(folder) ?? {}
    lesson.set(folder, entries)
    entries[rest.at(-1)!] = text
  }

  const meta = parseMeta(files['course.yaml'], issues)
  const levelNames = new Set(meta.levels.map((level) => level.name))

  const lessons: Lesson[] = []
  const lessonByNumber = new Map<number, string>()
  const lessonBySlug = new Map<string, string>()
  const challengeIds = new Map<string, string>()
  for (const lessonDir of [...tree.keys()].sort(byName)) {
    const folders = tree.get(lessonDir)!
    const [, number, slug] = LESSON_DIR.exec(lessonDir)!
    const own = folders.get('') ?? {}
    if (!SLUG.test(slug!)) {
      issues.add(
        `${lessonDir}/`,
        `the lesson slug \`${slug}\` must be lowercase words joined by \`-\`, e.g. \`02-the-neuron\``,
      )
    }
    const previous = lessonByNumber.get(Number(number))
    if (previous !== undefined)
      issues.add(`${lessonDir}/`, `lesson number ${Number(number)} is already used by ${previous}/`)
    lessonByNumber.set(Number(number), lessonDir)
    const sameSlug = lessonBySlug.get(slug!)
    if (sameSlug !== undefined)
      issues.add(`${lessonDir}/`, `lesson slug \`${slug}\` is already used by ${sameSlug}/`)
    lessonBySlug.set(slug!, lessonDir)

    let lesson: Lesson | null = null
    if (own['lesson.md'] === undefined) {
      issues.add(`${lessonDir}/lesson.md`, 'missing: every lesson folder needs a lesson.md')
    } else {
      const parsed = parseLesson(lessonDir, own['lesson.md'], own['quiz.yaml'])
      issues.push(...parsed.issues)
      lesson = parsed.lesson
      if (lesson && meta !== EMPTY_META && !levelNames.has(lesson.level)) {
        issues.add(
          `${lessonDir}/lesson.md`,
          `unknown level \`${lesson.level}\`: course.yaml defines ${[...levelNames].map((name) => `\`${name}\``).join(', ')}`,
          {
            field: 'level',
          },
        )
      }
    }

    for (const folder of [...folders.keys()].filter((name) => name !== '').sort(byName)) {
      const folderFiles = folders.get(folder)!
      if (!Object.keys(folderFiles).some((name) => CHALLENGE_FILE.test(name))) continue // assets, not a challenge
      const challengeSlug = folder.replace(/^\d+-/, '')
      const dir = `${lessonDir}/${folder}`
      if (!SLUG.test(challengeSlug)) {
        issues.add(
          `${dir}/`,
          `the challenge slug \`${challengeSlug}\` must be lowercase words joined by \`-\``,
        )
        continue
      }
      const parsed = parseChallenge(dir, slug!, challengeSlug, folderFiles)
      issues.push(...parsed.issues)
      const challenge: Challenge | null = parsed.challenge
      const id = `${slug}/${challengeSlug}`
      const clash = challengeIds.get(id)
      if (clash !== undefined) {
        issues.add(`${dir}/challenge.yaml`, `duplicate challenge id \`${id}\`: ${clash}/ has the same id`)
        continue
      }
      challengeIds.set(id, dir)
      if (challenge && lesson) lesson.challenges.push(challenge)
    }
    if (lesson) lessons.push(lesson)
  }
  lessons.sort((a, b) => a.number - b.number)
  return { course: { meta, lessons }, issues: issues.items }
}

function parseMeta(text: string | undefined, issues: IssueList): CourseMeta {
  const file = 'course.yaml'
  if (text === undefined) {
    issues.add(file, 'missing: exercises/ needs a course.yaml (title, description, levels, xp)')
    return EMPTY_META
  }
  const parsed = parseYaml(file, text)
  if (!parsed.source) {
    issues.push(...parsed.issues)
    return EMPTY_META
  }
  const source = parsed.source
  const checked = validate(file, source, courseSchema)
  if (!checked.data) {
    issues.push(...checked.issues)
    return EMPTY_META
  }
  const meta = checked.data
  const names = new Set<string>()
  meta.levels.forEach((level, index) => {
    if (names.has(level.name)) {
      issues.add(file, `duplicate level name \`${level.name}\``, {
        field: `levels[${index}].name`,
        line: source.lineOf(['levels', index, 'name']),
      })
    }
    names.add(level.name)
    const previous = meta.levels[index - 1]
    if (index === 0 && level.xp !== 0) {
      issues.add(file, `the first level starts at 0 XP, got ${level.xp}`, {
        field: 'levels[0].xp',
        line: source.lineOf(['levels', 0, 'xp']),
      })
    }
    if (previous && level.xp <= previous.xp) {
      issues.add(file, `levels need increasing XP: ${level.xp} is not more than ${previous.xp}`, {
        field: `levels[${index}].xp`,
        line: source.lineOf(['levels', index, 'xp']),
      })
    }
  })
  return meta
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}
