/**
 * Splits a lesson's Markdown body into prose, runnable code blocks and visuals, in order, so
 * the page can render the prose as HTML and put an interactive part at each special place.
 */

import type { CodeBlock, Lesson, VisualMarker } from '@gradschool/course'
import { renderMarkdown } from './markdown.js'

export type LessonSegment =
  | { type: 'prose'; html: string }
  | { type: 'code'; block: CodeBlock }
  | { type: 'visual'; visual: VisualMarker }

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/
const VISUAL = /^\s*<!--\s*visual:\s*([\w-]+)\s*(\{.*\})?\s*-->\s*$/
const SLOT = /<div data-slot="(\d+)"><\/div>/g

function isRunnable(lang: string, meta: string): boolean {
  return (lang === 'ts' || lang === 'typescript') && /\brun\b/.test(meta)
}

/** Index of the line closing the fence opened at `start`, or the last line. */
function fenceEnd(lines: string[], start: number, fence: string): number {
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]!.trim().startsWith(fence) && lines[i]!.trim().replace(/[`~]/g, '') === '') return i
  }
  return lines.length - 1
}

/** The page shows the title itself, so a body that opens with it as `# Title` drops that line. */
function withoutLeadingTitle(body: string): string {
  const lines = body.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  if (first >= 0 && /^#\s/.test(lines[first]!)) lines.splice(first, 1)
  return lines.join('\n')
}

export function segmentLesson(lesson: Lesson): LessonSegment[] {
  const lines = withoutLeadingTitle(lesson.body).split('\n')
  const runnableBlocks = lesson.codeBlocks.filter((block) => block.runnable)
  const specials: LessonSegment[] = []
  const out: string[] = []
  let runIndex = 0
  let visualIndex = 0
  const slot = (segment: LessonSegment) => {
    out.push('', `<div data-slot="${specials.length}"></div>`, '')
    specials.push(segment)
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const visual = VISUAL.exec(line)
    if (visual) {
      const marker = lesson.visuals[visualIndex++] ?? {
        kind: visual[1]!,
        options: visual[2] ? (JSON.parse(visual[2]) as Record<string, unknown>) : {},
        line: i + 1,
      }
      slot({ type: 'visual', visual: marker })
      continue
    }
    const fence = FENCE.exec(line)
    if (!fence) {
      out.push(line)
      continue
    }
    const end = fenceEnd(lines, i, fence[1]!)
    if (!isRunnable(fence[2]!, fence[3]!)) {
      out.push(...lines.slice(i, end + 1))
      i = end
      continue
    }
    const code = lines.slice(i + 1, end).join('\n')
    let block: CodeBlock = runnableBlocks[runIndex++] ?? { line: i + 2, lang: 'ts', code, runnable: true }
    // An ```output block right after a runnable block is shown as the runner's expected output.
    let next = end + 1
    while (next < lines.length && lines[next]!.trim() === '') next++
    const following = FENCE.exec(lines[next] ?? '')
    if (following && following[2] === 'output') {
      const outputEnd = fenceEnd(lines, next, following[1]!)
      const expectedOutput = lines.slice(next + 1, outputEnd).join('\n')
      block = { ...block, expectedOutput: block.expectedOutput ?? expectedOutput }
      i = outputEnd
    } else {
      i = end
    }
    slot({ type: 'code', block })
  }

  const html = renderMarkdown(out.join('\n'))
  const segments: LessonSegment[] = []
  let last = 0
  for (const match of html.matchAll(SLOT)) {
    const before = html.slice(last, match.index)
    if (before.trim()) segments.push({ type: 'prose', html: before })
    segments.push(specials[Number(match[1])]!)
    last = match.index + match[0].length
  }
  const rest = html.slice(last)
  if (rest.trim()) segments.push({ type: 'prose', html: rest })
  return segments
}
