import { describe, expect, it } from 'vitest'
import { parseLesson, parseLessonMarkdown, parseQuiz } from '../src/index.js'

const LESSON = `---
title: Gradients
level: Masters
minutes: 25
objectives:
  - Follow a gradient
  - Check it numerically
---

# Gradients

\`\`\`ts run
const x = 2
console.log(x * x)
\`\`\`

\`\`\`output
4
\`\`\`

<!-- visual: forward-pass {"layers":[2,2,1]} -->

\`\`\`ts
const shown = 'only shown'
\`\`\`

Some prose.

\`\`\`\`python
# a longer fence holding a shorter one
\`\`\`
\`\`\`\`

<!-- visual: loss-curve -->

\`\`\`ts
<!-- visual: not-a-marker-inside-code -->
\`\`\`
`

describe('parseLessonMarkdown', () => {
  const parsed = parseLessonMarkdown('04-gradients/lesson.md', LESSON)

  it('reads the front matter', () => {
    expect(parsed.issues).toEqual([])
    expect(parsed.frontMatter).toEqual({
      title: 'Gradients',
      level: 'Masters',
      minutes: 25,
      objectives: ['Follow a gradient', 'Check it numerically'],
    })
    expect(parsed.body.startsWith('\n# Gradients')).toBe(true)
  })

  it('finds code blocks with the 1-based line where their code starts', () => {
    expect(parsed.codeBlocks.map((block) => [block.line, block.lang, block.runnable])).toEqual([
      [13, 'ts', true],
      [24, 'ts', false],
      [30, 'python', false],
      [37, 'ts', false],
    ])
    expect(parsed.codeBlocks[0]!.code).toBe('const x = 2\nconsole.log(x * x)')
    expect(parsed.codeBlocks[2]!.code).toBe('# a longer fence holding a shorter one\n```')
  })

  it('attaches an output block to the code block right before it', () => {
    expect(parsed.codeBlocks[0]!.expectedOutput).toBe('4')
    expect(parsed.codeBlocks[1]!.expectedOutput).toBeUndefined()
    expect(parsed.codeBlocks.some((block) => block.lang === 'output')).toBe(false)
  })

  it('finds visual markers outside code, with their options and line', () => {
    expect(parsed.visuals).toEqual([
      { kind: 'forward-pass', options: { layers: [2, 2, 1] }, line: 21 },
      { kind: 'loss-curve', options: {}, line: 34 },
    ])
  })

  it('counts lines the same with Windows line endings', () => {
    const windows = parseLessonMarkdown('x/lesson.md', LESSON.replace(/\n/g, '\r\n'))
    expect(windows.codeBlocks.map((block) => block.line)).toEqual([13, 24, 30, 37])
    expect(windows.codeBlocks[0]!.expectedOutput).toBe('4')
  })

  it('reports an output block that follows prose, not code', () => {
    const text = `${LESSON.split('# Gradients')[0]}# Gradients\n\nprose\n\n\`\`\`output\n4\n\`\`\`\n`
    expect(parseLessonMarkdown('x/lesson.md', text).issues).toEqual([
      {
        file: 'x/lesson.md',
        line: 14,
        message: expect.stringMatching(/must directly follow the code block/),
      },
    ])
  })

  it('reports a runnable block that is not TypeScript', () => {
    const text = `${LESSON.split('# Gradients')[0]}\`\`\`python run\nprint(1)\n\`\`\`\n`
    expect(parseLessonMarkdown('x/lesson.md', text).issues[0]).toMatchObject({
      line: 10,
      message: expect.stringMatching(/only `ts` blocks/),
    })
  })
})

describe('parseQuiz', () => {
  it('reads questions, turning a single answer into a list', () => {
    const text = `questions:
  - id: one
    prompt: Which?
    choices: [a, b, c]
    answer: 2
    explanation: Because c.
  - id: many
    prompt: Which ones?
    choices: [a, b, c]
    answer: [0, 2]
    explanation: Both.
`
    expect(parseQuiz('q.yaml', text)).toEqual({
      quiz: [
        { id: 'one', prompt: 'Which?', choices: ['a', 'b', 'c'], answer: [2], explanation: 'Because c.' },
        { id: 'many', prompt: 'Which ones?', choices: ['a', 'b', 'c'], answer: [0, 2], explanation: 'Both.' },
      ],
      issues: [],
    })
  })
})

describe('parseLesson', () => {
  it('takes the number and slug from the folder name', () => {
    const { lesson, issues } = parseLesson('04-gradients', LESSON)
    expect(issues).toEqual([])
    expect(lesson).toMatchObject({
      number: 4,
      slug: 'gradients',
      dir: '04-gradients',
      title: 'Gradients',
      quiz: [],
      challenges: [],
    })
  })

  it('rejects a folder name without a number', () => {
    expect(parseLesson('gradients', LESSON).issues[0]).toMatchObject({
      file: 'gradients/',
      message: expect.stringMatching(/NN-slug/),
    })
  })
})
