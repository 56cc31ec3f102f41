/** Parsing lesson.md (front matter, code blocks, outputs, visual markers) and quiz.yaml. Pure. */
import { fieldPath, IssueList } from './issues.js'
import { lessonFrontMatterSchema, quizSchema, validate } from './schemas.js'
import type { CodeBlock, CourseIssue, Lesson, QuizQuestion, VisualMarker } from './types.js'
import { parseYaml } from './yaml-source.js'

export interface ParsedLessonMarkdown {
  frontMatter: { title: string; level: string; minutes: number; objectives: string[] } | null
  body: string
  codeBlocks: CodeBlock[]
  visuals: VisualMarker[]
  issues: CourseIssue[]
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/
const VISUAL = /<!--\s*visual:\s*([a-z0-9-]+)\s*(\{.*\})?\s*-->/i

/** Parse lesson.md. Line numbers are 1-based lines of the whole file, front matter included. */
export function parseLessonMarkdown(file: string, text: string): ParsedLessonMarkdown {
  const issues = new IssueList()
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  let bodyStart = 0
  let frontMatter: ParsedLessonMarkdown['frontMatter'] = null

  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---')
    if (close === -1) {
      issues.add(file, 'front matter opened with `---` on line 1 is never closed by a `---` line', {
        line: 1,
      })
    } else {
      const yamlText = lines.slice(1, close).join('\n')
      const parsed = parseYaml(file, yamlText, 1)
      if (parsed.source) {
        const checked = validate(file, parsed.source, lessonFrontMatterSchema)
        issues.push(...checked.issues)
        frontMatter = checked.data
      } else issues.push(...parsed.issues)
      bodyStart = close + 1
    }
  } else {
    issues.add(
      file,
      'missing front matter: start the file with `---`, then title, level, minutes, objectives, then `---`',
      {
        line: 1,
      },
    )
  }

  const codeBlocks: CodeBlock[] = []
  const visuals: VisualMarker[] = []
  // The last code block, while only blank lines follow it (an ```output block may attach to it).
  let attachable: CodeBlock | null = null

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index]!
    const lineNumber = index + 1
    const fence = FENCE.exec(line)
    if (fence) {
      const marker = fence[1]!
      const info = fence[2]!.trim().split(/\s+/).filter(Boolean)
      const close = lines.findIndex((candidate, at) => at > index && closesFence(candidate, marker))
      if (close === -1) {
        issues.add(file, `code block opened on line ${lineNumber} is never closed with ${marker}`, {
          line: lineNumber,
        })
        break
      }
      const code = lines.slice(index + 1, close).join('\n')
      const lang = info[0] ?? ''
      if (lang === 'output') {
        if (attachable && attachable.expectedOutput === undefined) attachable.expectedOutput = code
        else
          issues.add(file, 'an ```output block must directly follow the code block whose output it shows', {
            line: lineNumber,
          })
        attachable = null
      } else {
        const block: CodeBlock = { line: lineNumber + 1, lang, code, runnable: info.slice(1).includes('run') }
        if (block.runnable && lang !== 'ts') {
          issues.add(file, `only \`ts\` blocks can be runnable, this one is \`${lang}\``, {
            line: lineNumber,
          })
        }
        codeBlocks.push(block)
        attachable = block
      }
      index = close
      continue
    }
    if (line.trim() !== '') attachable = null
    if (/<!--\s*visual:/i.test(line)) {
      const visual = VISUAL.exec(line)
      if (!visual) {
        issues.add(file, 'malformed visual marker: write `<!-- visual: kind {"option": 1} -->` on one line', {
          line: lineNumber,
        })
        continue
      }
      let options: Record<string, unknown> = {}
      if (visual[2]) {
        try {
          const parsed: unknown = JSON.parse(visual[2])
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            throw new Error('not an object')
          options = parsed as Record<string, unknown>
        } catch (error) {
          issues.add(
            file,
            `visual \`${visual[1]}\`: options must be a JSON object (${(error as Error).message})`,
            {
              line: lineNumber,
            },
          )
          continue
        }
      }
      visuals.push({ kind: visual[1]!, options, line: lineNumber })
    }
  }

  return { frontMatter, body: lines.slice(bodyStart).join('\n'), codeBlocks, visuals, issues: issues.items }
}

function closesFence(line: string, opening: string): boolean {
  const fence = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1]
  return fence !== undefined && fence[0] === opening[0] && fence.length >= opening.length
}

/** Parse quiz.yaml; `answer` may be one index or a list, and is always returned as a list. */
export function parseQuiz(file: string, text: string): { quiz: QuizQuestion[]; issues: CourseIssue[] } {
  const parsed = parseYaml(file, text)
  if (!parsed.source) return { quiz: [], issues: parsed.issues }
  const source = parsed.source
  const checked = validate(file, source, quizSchema)
  if (!checked.data) return { quiz: [], issues: checked.issues }
  const issues = new IssueList()
  const seen = new Set<string>()
  const quiz = checked.data.questions.map((question, q) => {
    const answer = typeof question.answer === 'number' ? [question.answer] : question.answer
    if (seen.has(question.id)) {
      issues.add(file, `duplicate question id \`${question.id}\``, {
        field: `questions[${q}].id`,
        line: source.lineOf(['questions', q, 'id']),
      })
    }
    seen.add(question.id)
    answer.forEach((choice, a) => {
      if (choice >= question.choices.length) {
        const path =
          typeof question.answer === 'number' ? ['questions', q, 'answer'] : ['questions', q, 'answer', a]
        issues.add(
          file,
          `answer ${choice} is out of range: there are ${question.choices.length} choices, numbered 0 to ${question.choices.length - 1}`,
          { field: fieldPath(path), line: source.lineOf(path) },
        )
      }
    })
    if (new Set(answer).size !== answer.length) {
      issues.add(file, 'an answer index is listed twice', {
        field: `questions[${q}].answer`,
        line: source.lineOf(['questions', q, 'answer']),
      })
    }
    return {
      id: question.id,
      prompt: question.prompt,
      choices: question.choices,
      answer,
      explanation: question.explanation,
    }
  })
  return { quiz, issues: issues.items }
}

/**
 * Parse a lesson folder's lesson.md and optional quiz.yaml. `dir` is `NN-slug`; the result has no
 * challenges yet (parseCourse adds them). Returns null when the front matter is unusable.
 */
export function parseLesson(
  dir: string,
  lessonText: string,
  quizText?: string,
): { lesson: Lesson | null; issues: CourseIssue[] } {
  const issues: CourseIssue[] = []
  const name = /^(\d+)-(.+)$/.exec(dir)
  if (!name) {
    return {
      lesson: null,
      issues: [{ file: `${dir}/`, message: 'a lesson folder is named `NN-slug`, e.g. `02-the-neuron`' }],
    }
  }
  const markdown = parseLessonMarkdown(`${dir}/lesson.md`, lessonText)
  issues.push(...markdown.issues)
  const quiz = quizText === undefined ? { quiz: [], issues: [] } : parseQuiz(`${dir}/quiz.yaml`, quizText)
  issues.push(...quiz.issues)
  if (!markdown.frontMatter) return { lesson: null, issues }
  return {
    lesson: {
      slug: name[2]!,
      number: Number(name[1]),
      dir,
      ...markdown.frontMatter,
      body: markdown.body,
      codeBlocks: markdown.codeBlocks,
      visuals: markdown.visuals,
      quiz: quiz.quiz,
      challenges: [],
    },
    issues,
  }
}
