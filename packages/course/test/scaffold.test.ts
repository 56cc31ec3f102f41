import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateTemplatesModule, TEMPLATES_DIR } from '../scripts/generate-templates.js'
import {
  assembleReorder,
  CHALLENGE_KINDS,
  fillBlanks,
  formatIssue,
  parseCourse,
  renderVariant,
  ScaffoldError,
  scaffoldChallenge,
  scaffoldLesson,
  shuffleLines,
  slugify,
} from '../src/index.js'
import { createChallenge, createLesson, loadCourse } from '../src/node.js'
import { SCAFFOLD_TEMPLATES } from '../src/scaffold-templates.generated.js'
import type { Challenge } from '../src/types.js'
import { COURSE_YAML } from './fixtures.js'
import { firstFailure, importSource, importSpec, removeScratch } from './run-spec.js'

afterAll(removeScratch)

type Fn = (...args: unknown[]) => unknown

function courseWith(...scaffolds: { dir: string; files: Record<string, string> }[]): Record<string, string> {
  const files: Record<string, string> = { 'course.yaml': COURSE_YAML }
  for (const scaffold of scaffolds) {
    for (const [name, text] of Object.entries(scaffold.files)) files[`${scaffold.dir}/${name}`] = text
  }
  return files
}

describe('scaffoldLesson', () => {
  it('numbers the folder after the last lesson and slugs the title', () => {
    const lesson = scaffoldLesson('Backprop, by hand!', [
      { number: 2, slug: 'the-neuron', level: 'Undergrad' },
      { number: 7, slug: 'losses', level: 'Masters' },
    ])
    expect(lesson.dir).toBe('08-backprop-by-hand')
    expect(Object.keys(lesson.files).sort()).toEqual(['lesson.md', 'quiz.yaml'])
    expect(lesson.files['lesson.md']).toContain('level: "Masters"')
    expect(lesson.files['lesson.md']).toContain('TODO')
  })

  it('loads without issues', () => {
    const lesson = scaffoldLesson('First steps', [], { level: 'Undergrad' })
    const { course, issues } = parseCourse(courseWith(lesson))
    expect(issues.map(formatIssue)).toEqual([])
    expect(course.lessons[0]).toMatchObject({
      number: 1,
      slug: 'first-steps',
      title: 'First steps',
      quiz: [{ id: 'first-question' }],
    })
    expect(course.lessons[0]!.codeBlocks[0]).toMatchObject({
      runnable: true,
      expectedOutput: 'TODO: a first example',
    })
  })

  it('refuses a title already used or without letters', () => {
    expect(() =>
      scaffoldLesson('The neuron', [{ number: 2, slug: 'the-neuron', level: 'Undergrad' }]),
    ).toThrow(ScaffoldError)
    expect(() => scaffoldLesson('!!!', [], { level: 'Undergrad' })).toThrow(/cannot make a folder name/)
  })

  it('slugifies accents and punctuation', () => {
    expect(slugify('  Régularisation & dropout ')).toBe('regularisation-dropout')
  })
})

describe('scaffoldChallenge', () => {
  const lesson = scaffoldLesson('First steps', [], { level: 'Undergrad' })

  it.each(CHALLENGE_KINDS)('scaffolds a %s challenge that loads without issues', (kind) => {
    const challenge = scaffoldChallenge({ lessonSlug: lesson.dir, kind })
    expect(challenge.dir).toBe(`01-first-steps/new-${kind}`)
    const { course, issues } = parseCourse(courseWith(lesson, challenge))
    expect(issues.map(formatIssue)).toEqual([])
    expect(course.lessons[0]!.challenges).toMatchObject([{ id: `first-steps/new-${kind}`, kind }])
    expect(Object.values(challenge.files).join('\n')).toContain('TODO')
  })

  it.each(CHALLENGE_KINDS.filter((kind) => kind !== 'predict-output'))(
    'scaffolds a %s challenge whose reference passes its spec and whose starter fails it',
    async (kind) => {
      const files = courseWith(lesson, scaffoldChallenge({ lessonSlug: lesson.dir, kind, slug: 'double-it' }))
      const challenge = parseCourse(files).course.lessons[0]!.challenges[0] as Challenge
      const variant = renderVariant(challenge, 'student')
      const spec = await importSpec(variant.spec!)
      const reference = (await importSource(variant.reference)).doubleIt as Fn
      expect(firstFailure(spec, reference, reference)).toBeNull()
      const starter =
        kind === 'fill-in'
          ? fillBlanks(variant.starter!, { factor: '1' })
          : kind === 'reorder'
            ? assembleReorder(challenge, shuffleLines(challenge, 'student'))
            : variant.starter!
      const failure = await importSource(starter)
        .then((module) => firstFailure(spec, module.doubleIt as Fn, reference))
        .catch((error: Error) => `does not load: ${error.message}`)
      expect(failure).not.toBeNull()
    },
  )

  it('scaffolds a predict-output program that differs between students', () => {
    const files = courseWith(lesson, scaffoldChallenge({ lessonSlug: lesson.dir, kind: 'predict-output' }))
    const challenge = parseCourse(files).course.lessons[0]!.challenges[0]!
    expect(challenge.program!.template).toBe(true)
    const programs = new Set(Array.from({ length: 10 }, (_, i) => renderVariant(challenge, `s${i}`).program))
    expect(programs.size).toBeGreaterThan(1)
  })

  it('refuses a slug that is not kebab-case', () => {
    expect(() => scaffoldChallenge({ lessonSlug: 'x', kind: 'implement', slug: 'Bad Slug' })).toThrow(
      ScaffoldError,
    )
  })
})

describe('scaffold templates', () => {
  it('the generated module matches templates/ (run generate:templates after editing one)', () => {
    const onDisk: Record<string, string> = {}
    const visit = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) visit(join(dir, entry.name), `${prefix}${entry.name}/`)
        else
          onDisk[`${prefix}${entry.name.replace(/\.hbs$/, '')}`] = readFileSync(join(dir, entry.name), 'utf8')
      }
    }
    visit(TEMPLATES_DIR, '')
    expect(SCAFFOLD_TEMPLATES).toEqual(onDisk)
    expect(generateTemplatesModule()).toContain('SCAFFOLD_TEMPLATES')
  })
})

describe('scaffold writers', () => {
  const root = mkdtempSync(join(tmpdir(), 'gradschool-course-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('create a lesson and challenges on disk that load without issues, and never overwrite', async () => {
    writeFileSync(join(root, 'course.yaml'), COURSE_YAML)
    const lessonPaths = await createLesson(root, 'First steps')
    expect(lessonPaths.map((path) => path.slice(root.length + 1)).sort()).toEqual([
      '01-first-steps/lesson.md',
      '01-first-steps/quiz.yaml',
    ])
    await createChallenge(root, { lessonSlug: 'first-steps', kind: 'fill-in' })
    await createChallenge(root, { lessonSlug: '01-first-steps', kind: 'reorder', slug: 'order-me' })
    const { course, issues } = await loadCourse(root)
    expect(issues).toEqual([])
    expect(course.lessons[0]!.challenges.map((challenge) => challenge.id)).toEqual([
      'first-steps/new-fill-in',
      'first-steps/order-me',
    ])

    const edited = join(root, '01-first-steps', 'new-fill-in', 'reference.ts')
    writeFileSync(edited, '// my work\n')
    await expect(createChallenge(root, { lessonSlug: 'first-steps', kind: 'fill-in' })).rejects.toThrow(
      /not overwriting/,
    )
    expect(readFileSync(edited, 'utf8')).toBe('// my work\n')
    const second = await createLesson(root, 'Second lesson')
    expect(second[0]).toContain('02-second-lesson')
    await expect(createLesson(root, 'Second lesson')).rejects.toThrow(/already exists/)
    await expect(createChallenge(root, { lessonSlug: 'nope', kind: 'implement' })).rejects.toThrow(
      /no lesson folder `NN-nope`/,
    )
  })
})
