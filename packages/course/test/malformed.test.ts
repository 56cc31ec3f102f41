import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatIssue, parseCourse } from '../src/index.js'
import type { CourseIssue } from '../src/types.js'
import { IMPLEMENT_DIR, IMPLEMENT_YAML, LESSON, LESSON_MD, QUIZ_YAML, validCourseFiles } from './fixtures.js'

type Files = Record<string, string>
interface Case {
  name: string
  change: (files: Files) => void
  expected: { file: string; field?: string; line?: number; message: RegExp }
}

const yamlOf = `${IMPLEMENT_DIR}/challenge.yaml`
const replaceIn = (files: Files, path: string, from: string | RegExp, to: string) => {
  const before = files[path]!
  files[path] = before.replace(from, to)
  if (files[path] === before) throw new Error(`test setup: ${String(from)} not found in ${path}`)
}

const cases: Case[] = [
  {
    name: 'negative xp',
    change: (f) => replaceIn(f, yamlOf, 'xp: 10', 'xp: -5'),
    expected: { file: yamlOf, field: 'xp', line: 4, message: /^expected a positive integer, got -5$/ },
  },
  {
    name: 'a hint that is not text',
    change: (f) => replaceIn(f, yamlOf, '  - Multiply.', '  - Multiply.\n  - 3'),
    expected: { file: yamlOf, field: 'hints[1]', line: 9, message: /expected text, got 3/ },
  },
  {
    name: 'YAML syntax error',
    change: (f) => replaceIn(f, yamlOf, 'title: Double', 'title: [Double'),
    expected: { file: yamlOf, message: /^invalid YAML at line \d+, column \d+/ },
  },
  {
    name: 'unknown kind',
    change: (f) => replaceIn(f, yamlOf, 'kind: implement', 'kind: implemnt'),
    expected: {
      file: yamlOf,
      field: 'kind',
      line: 1,
      message: /expected one of implement, fix-bug.*got "implemnt"/,
    },
  },
  {
    name: 'misspelt field',
    change: (f) => replaceIn(f, yamlOf, 'xp: 10', 'xp: 10\ndificulty: hard'),
    expected: { file: yamlOf, field: 'dificulty', line: 5, message: /unknown field/ },
  },
  {
    name: 'missing title',
    change: (f) => replaceIn(f, yamlOf, 'title: Double\n', ''),
    expected: { file: yamlOf, field: 'title', message: /^missing/ },
  },
  {
    name: 'bad difficulty',
    change: (f) => replaceIn(f, yamlOf, 'difficulty: easy', 'difficulty: brutal'),
    expected: {
      file: yamlOf,
      field: 'difficulty',
      line: 3,
      message: /expected easy, medium or hard, got "brutal"/,
    },
  },
  {
    name: 'implement without reference',
    change: (f) => delete f[`${IMPLEMENT_DIR}/reference.ts`],
    expected: {
      file: `${IMPLEMENT_DIR}/reference.ts`,
      message: /missing: a implement challenge needs reference\.ts/,
    },
  },
  {
    name: 'implement without spec',
    change: (f) => delete f[`${IMPLEMENT_DIR}/spec.ts`],
    expected: { file: `${IMPLEMENT_DIR}/spec.ts`, message: /needs spec\.ts/ },
  },
  {
    name: 'fix-bug without starter',
    change: (f) => replaceIn(f, yamlOf, 'kind: implement', 'kind: fix-bug'),
    expected: { file: `${IMPLEMENT_DIR}/starter.ts`, message: /a fix-bug challenge needs starter\.ts/ },
  },
  {
    name: 'predict-output without program',
    change: (f) => delete f[`${LESSON}/predict/program.ts.hbs`],
    expected: { file: `${LESSON}/predict/program.ts`, message: /needs program\.ts/ },
  },
  {
    name: 'implement without entry',
    change: (f) => replaceIn(f, yamlOf, 'entry: double\n', ''),
    expected: { file: yamlOf, field: 'entry', message: /missing/ },
  },
  {
    name: 'reference that does not export the entry',
    change: (f) => replaceIn(f, `${IMPLEMENT_DIR}/reference.ts`, 'function double', 'function twice'),
    expected: { file: `${IMPLEMENT_DIR}/reference.ts`, message: /does not export `double`/ },
  },
  {
    name: 'spec without a default export',
    change: (f) => replaceIn(f, `${IMPLEMENT_DIR}/spec.ts`, 'export default ', 'const spec = '),
    expected: { file: `${IMPLEMENT_DIR}/spec.ts`, message: /export default defineSpec/ },
  },
  {
    name: 'declared blank missing from the starter',
    change: (f) =>
      replaceIn(
        f,
        `${LESSON}/fill/challenge.yaml`,
        "    answer: '2'",
        "    answer: '2'\n  - id: offset\n    answer: '0'",
      ),
    expected: {
      file: `${LESSON}/fill/challenge.yaml`,
      field: 'blanks[1].id',
      line: 10,
      message: /`offset` is declared but/,
    },
  },
  {
    name: 'starter blank that is not declared',
    change: (f) => replaceIn(f, `${LESSON}/fill/starter.ts`, '* x', '* x + ___offset___'),
    expected: { file: `${LESSON}/fill/starter.ts`, line: 2, message: /___offset___.*does not declare/ },
  },
  {
    name: 'fill-in without blanks',
    change: (f) => replaceIn(f, `${LESSON}/fill/challenge.yaml`, /blanks:[\s\S]*$/, ''),
    expected: { file: `${LESSON}/fill/challenge.yaml`, field: 'blanks', message: /declares its blanks/ },
  },
  {
    name: 'blanks on an implement challenge',
    change: (f) => replaceIn(f, yamlOf, 'hints:', "blanks:\n  - id: a\n    answer: '1'\nhints:"),
    expected: { file: yamlOf, field: 'blanks', line: 7, message: /only fill-in challenges have blanks/ },
  },
  {
    name: 'reorder without markers',
    change: (f) => replaceIn(f, `${LESSON}/order/reference.ts`, /\s*\/\/ reorder:(start|end)/g, ''),
    expected: { file: `${LESSON}/order/reference.ts`, message: /exactly one `\/\/ reorder:start`/ },
  },
  {
    name: 'reorder region with a single line',
    change: (f) => replaceIn(f, `${LESSON}/order/reference.ts`, '  let y = x\n  y = y * 2\n', ''),
    expected: {
      file: `${LESSON}/order/reference.ts`,
      line: 2,
      message: /at least 2 non-empty lines, found 1/,
    },
  },
  {
    name: 'two lessons with the same number',
    change: (f) => (f['02-other/lesson.md'] = LESSON_MD),
    expected: { file: '02-the-neuron/', message: /lesson number 2 is already used by 02-other/ },
  },
  {
    name: 'two challenges with the same id',
    change: (f) => {
      f[`${LESSON}/01-double/challenge.yaml`] = IMPLEMENT_YAML
      f[`${LESSON}/01-double/reference.ts`] = f[`${IMPLEMENT_DIR}/reference.ts`]!
      f[`${LESSON}/01-double/spec.ts`] = f[`${IMPLEMENT_DIR}/spec.ts`]!
    },
    expected: {
      file: `${IMPLEMENT_DIR}/challenge.yaml`,
      message: /duplicate challenge id `the-neuron\/double`/,
    },
  },
  {
    name: 'quiz answer out of range',
    change: (f) => replaceIn(f, `${LESSON}/quiz.yaml`, 'answer: 0', 'answer: 2'),
    expected: {
      file: `${LESSON}/quiz.yaml`,
      field: 'questions[0].answer',
      line: 5,
      message: /answer 2 is out of range: there are 2 choices/,
    },
  },
  {
    name: 'quiz answer list with an index out of range',
    change: (f) => replaceIn(f, `${LESSON}/quiz.yaml`, 'answer: 0', 'answer: [0, 7]'),
    expected: {
      file: `${LESSON}/quiz.yaml`,
      field: 'questions[0].answer[1]',
      line: 5,
      message: /answer 7 is out of range/,
    },
  },
  {
    name: 'quiz question with one choice',
    change: (f) => replaceIn(f, `${LESSON}/quiz.yaml`, 'choices: [a, b]', 'choices: [a]'),
    expected: {
      file: `${LESSON}/quiz.yaml`,
      field: 'questions[0].choices',
      line: 4,
      message: /at least two choices/,
    },
  },
  {
    name: 'duplicate quiz ids',
    change: (f) => (f[`${LESSON}/quiz.yaml`] = QUIZ_YAML + QUIZ_YAML.replace('questions:\n', '')),
    expected: {
      file: `${LESSON}/quiz.yaml`,
      field: 'questions[1].id',
      line: 7,
      message: /duplicate question id `q1`/,
    },
  },
  {
    name: 'int param with min above max',
    change: (f) => replaceIn(f, `${LESSON}/predict/challenge.yaml`, '[1, 9]', '[9, 1]'),
    expected: {
      file: `${LESSON}/predict/challenge.yaml`,
      field: 'params.x.int',
      line: 7,
      message: /min 9 is greater than max 1/,
    },
  },
  {
    name: 'param of unknown shape',
    change: (f) => replaceIn(f, `${LESSON}/predict/challenge.yaml`, '{ int: [1, 9] }', '{ range: [1, 9] }'),
    expected: {
      file: `${LESSON}/predict/challenge.yaml`,
      field: 'params.x',
      line: 7,
      message: /expected \{int: \[min, max\]\}/,
    },
  },
  {
    name: 'float param with no value at its decimals',
    change: (f) =>
      replaceIn(
        f,
        `${LESSON}/predict/challenge.yaml`,
        '{ int: [1, 9] }',
        '{ float: [0.11, 0.19], decimals: 1 }',
      ),
    expected: {
      file: `${LESSON}/predict/challenge.yaml`,
      field: 'params.x.float',
      message: /no value with 1 decimals lies in \[0\.11, 0\.19\]/,
    },
  },
  {
    name: 'float param without decimals',
    change: (f) => replaceIn(f, `${LESSON}/predict/challenge.yaml`, '{ int: [1, 9] }', '{ float: [0, 1] }'),
    expected: { file: `${LESSON}/predict/challenge.yaml`, field: 'params.x', message: /expected \{int/ },
  },
  {
    name: 'template that does not parse',
    change: (f) => (f[`${LESSON}/predict/program.ts.hbs`] = 'const x = 1\nconst y = {{#if x}}2\n'),
    expected: { file: `${LESSON}/predict/program.ts.hbs`, message: /template does not parse/ },
  },
  {
    name: 'template using an undeclared param',
    change: (f) => (f[`${LESSON}/predict/program.ts.hbs`] = 'const x = {{x}}\nconst y = {{y}}\n'),
    expected: {
      file: `${LESSON}/predict/program.ts.hbs`,
      line: 2,
      message: /uses `y`, which is not a declared param/,
    },
  },
  {
    name: 'prompt using an undeclared param',
    change: (f) =>
      replaceIn(f, `${LESSON}/predict/challenge.yaml`, 'What does it print?', 'What does {{z}} print?'),
    expected: { file: `${LESSON}/predict/challenge.yaml`, field: 'prompt', message: /uses `z`/ },
  },
  {
    name: 'both a file and its template',
    change: (f) => (f[`${IMPLEMENT_DIR}/reference.ts.hbs`] = f[`${IMPLEMENT_DIR}/reference.ts`]!),
    expected: {
      file: `${IMPLEMENT_DIR}/reference.ts.hbs`,
      message: /both reference\.ts and reference\.ts\.hbs exist/,
    },
  },
  {
    name: 'challenge folder that is not kebab-case',
    change: (f) => (f[`${LESSON}/Double_Two/challenge.yaml`] = IMPLEMENT_YAML),
    expected: { file: `${LESSON}/Double_Two/`, message: /must be lowercase words/ },
  },
  {
    name: 'challenge folder without challenge.yaml',
    change: (f) => delete f[`${LESSON}/fill/challenge.yaml`],
    expected: { file: `${LESSON}/fill/challenge.yaml`, message: /^missing/ },
  },
  {
    name: 'lesson without front matter',
    change: (f) => (f[`${LESSON}/lesson.md`] = '# Just a title\n'),
    expected: { file: `${LESSON}/lesson.md`, line: 1, message: /missing front matter/ },
  },
  {
    name: 'lesson minutes of zero',
    change: (f) => replaceIn(f, `${LESSON}/lesson.md`, 'minutes: 10', 'minutes: 0'),
    expected: {
      file: `${LESSON}/lesson.md`,
      field: 'minutes',
      line: 4,
      message: /expected a positive integer, got 0/,
    },
  },
  {
    name: 'lesson front matter that is not YAML',
    change: (f) => replaceIn(f, `${LESSON}/lesson.md`, 'minutes: 10', 'minutes: [10'),
    expected: { file: `${LESSON}/lesson.md`, message: /^invalid YAML at line \d+, column \d+/ },
  },
  {
    name: 'lesson with an unknown level',
    change: (f) => replaceIn(f, `${LESSON}/lesson.md`, 'level: Undergrad', 'level: Wizard'),
    expected: { file: `${LESSON}/lesson.md`, field: 'level', message: /unknown level `Wizard`/ },
  },
  {
    name: 'lesson folder without lesson.md',
    change: (f) => delete f[`${LESSON}/lesson.md`],
    expected: { file: `${LESSON}/lesson.md`, message: /^missing/ },
  },
  {
    name: 'visual marker with invalid JSON',
    change: (f) => (f[`${LESSON}/lesson.md`] += '\n<!-- visual: neuron {inputs: 3} -->\n'),
    expected: { file: `${LESSON}/lesson.md`, line: 13, message: /options must be a JSON object/ },
  },
  {
    name: 'output block after prose',
    change: (f) => (f[`${LESSON}/lesson.md`] += '\n```output\n1\n```\n'),
    expected: { file: `${LESSON}/lesson.md`, line: 13, message: /must directly follow the code block/ },
  },
  {
    name: 'unclosed code block',
    change: (f) => (f[`${LESSON}/lesson.md`] += '\n```ts\nconst x = 1\n'),
    expected: { file: `${LESSON}/lesson.md`, line: 13, message: /never closed/ },
  },
  {
    name: 'course levels that do not increase',
    change: (f) => replaceIn(f, 'course.yaml', 'xp: 100', 'xp: 0'),
    expected: { file: 'course.yaml', field: 'levels[1].xp', line: 5, message: /increasing XP/ },
  },
  {
    name: 'hint penalty above 1',
    change: (f) => replaceIn(f, 'course.yaml', 'hintPenalty: 0.1', 'hintPenalty: 2'),
    expected: { file: 'course.yaml', field: 'xp.hintPenalty', line: 8, message: /between 0 and 1, got 2/ },
  },
  {
    name: 'missing course.yaml',
    change: (f) => delete f['course.yaml'],
    expected: { file: 'course.yaml', message: /^missing/ },
  },
]

describe('parseCourse on malformed input', () => {
  it('finds no issue in the valid baseline', () => {
    const { course, issues } = parseCourse(validCourseFiles())
    expect(issues).toEqual([])
    expect(course.lessons[0]!.challenges.map((challenge) => challenge.kind).sort()).toEqual([
      'fill-in',
      'implement',
      'predict-output',
      'reorder',
    ])
  })

  it.each(cases)('reports $name', ({ change, expected }) => {
    const files = validCourseFiles()
    change(files)
    const { issues } = parseCourse(files)
    const match = issues.find(
      (issue: CourseIssue) =>
        issue.file === expected.file &&
        (expected.field === undefined || issue.field === expected.field) &&
        (expected.line === undefined || issue.line === expected.line) &&
        expected.message.test(issue.message),
    )
    expect(match, `issues were:\n${issues.map(formatIssue).join('\n')}`).toBeDefined()
  })

  it('formats an issue as file:line: field: message', () => {
    const files = validCourseFiles()
    replaceIn(files, yamlOf, 'xp: 10', 'xp: -5')
    const [issue] = parseCourse(files).issues
    expect(formatIssue(issue!)).toBe(
      '02-the-neuron/double/challenge.yaml:4: field `xp`: expected a positive integer, got -5',
    )
  })

  it('never throws on arbitrary file contents', () => {
    const paths = Object.keys(validCourseFiles())
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.string({ unit: 'binary', maxLength: 200 }), (path, text) => {
        const files = validCourseFiles()
        files[path] = text
        expect(() => parseCourse(files)).not.toThrow()
      }),
      { numRuns: 200 },
    )
  })

  it('never throws, whatever the files hold', () => {
    const junk = ['', ':', '---', '- a\n- b', '{{', '[1, 2', 'kind: 3', '\u0000\u0001', 'a: b\na: c']
    for (const text of junk) {
      const files: Files = {}
      for (const path of Object.keys(validCourseFiles())) files[path] = text
      expect(() => parseCourse(files)).not.toThrow()
    }
  })
})
