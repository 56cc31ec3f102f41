/**
 * New lessons and challenges from the templates in packages/course/templates/. Pure: returns the
 * files to write; `@gradschool/course/node` writes them (never over existing files).
 */
import { SCAFFOLD_TEMPLATES } from './scaffold-templates.generated.js'
import { renderTemplate } from './templates.js'
import type { ChallengeKind, Lesson } from './types.js'
import { CHALLENGE_KINDS } from './types.js'

export class ScaffoldError extends Error {
  override name = 'ScaffoldError'
}

export interface ScaffoldedFiles {
  /** Folder relative to exercises/: `03-backprop` or `02-the-neuron/new-implement`. */
  dir: string
  /** File name inside `dir` → text. */
  files: Record<string, string>
}

export interface ScaffoldLessonOptions {
  /** The lesson's level (a level name from course.yaml); defaults to the last lesson's level. */
  level?: string
}

export interface ScaffoldChallengeOptions {
  /** The lesson folder's slug (`the-neuron`) or full name (`02-the-neuron`). */
  lessonSlug: string
  kind: ChallengeKind
  slug?: string
}

/** `Backprop, by hand!` → `backprop-by-hand`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The next lesson after `existingLessons`: folder `NN-slug/` with lesson.md and quiz.yaml. */
export function scaffoldLesson(
  title: string,
  existingLessons: readonly Pick<Lesson, 'number' | 'slug' | 'level'>[],
  options: ScaffoldLessonOptions = {},
): ScaffoldedFiles {
  const slug = slugify(title)
  if (slug === '')
    throw new ScaffoldError(
      `cannot make a folder name from the title ${JSON.stringify(title)}: use letters or digits`,
    )
  if (existingLessons.some((lesson) => lesson.slug === slug)) {
    throw new ScaffoldError(`a lesson with the slug \`${slug}\` already exists`)
  }
  const last = [...existingLessons].sort((a, b) => a.number - b.number).at(-1)
  const level = options.level ?? last?.level
  if (level === undefined)
    throw new ScaffoldError('the first lesson needs a level: pass one of the level names in course.yaml')
  const number = (last?.number ?? 0) + 1
  const values = { title, level }
  return {
    dir: `${String(number).padStart(2, '0')}-${slug}`,
    files: {
      'lesson.md': render('lesson/lesson.md', values),
      'quiz.yaml': render('lesson/quiz.yaml', values),
    },
  }
}

/** A new challenge folder of the given kind, with a small working placeholder marked TODO. */
export function scaffoldChallenge(options: ScaffoldChallengeOptions): ScaffoldedFiles {
  const { lessonSlug, kind } = options
  if (!CHALLENGE_KINDS.includes(kind)) {
    throw new ScaffoldError(`unknown challenge kind \`${kind}\`: use one of ${CHALLENGE_KINDS.join(', ')}`)
  }
  const slug = options.slug ?? `new-${kind}`
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    throw new ScaffoldError(`the challenge slug \`${slug}\` must be lowercase words joined by \`-\``)
  }
  const values = { title: humanize(slug), entry: camelCase(slug) }
  const prefix = `${kind}/`
  const files: Record<string, string> = {}
  for (const [name, template] of Object.entries(SCAFFOLD_TEMPLATES)) {
    if (name.startsWith(prefix)) files[name.slice(prefix.length)] = renderTemplate(template, values)
  }
  return { dir: `${lessonSlug}/${slug}`, files }
}

function render(name: string, values: Record<string, unknown>): string {
  const template = SCAFFOLD_TEMPLATES[name]
  if (template === undefined) throw new ScaffoldError(`missing scaffold template ${name}.hbs`)
  return renderTemplate(template, values)
}

function humanize(slug: string): string {
  const words = slug.split('-').join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function camelCase(slug: string): string {
  const name = slug.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())
  return /^[0-9]/.test(name) ? `_${name}` : name
}
