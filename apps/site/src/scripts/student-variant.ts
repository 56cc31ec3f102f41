/**
 * Shows a learner who set their own student id their variant of the challenges: the same
 * `challengeView` the pages are pre-rendered with, for that id, over the challenges' sources
 * (`/variants.json`, from the course the grader uses). Loaded only for such learners; anonymous
 * pages never fetch it.
 */
import type { Submission } from '@gradschool/course'
import { type ChallengeView, challengeView } from '../lib/challenge-view.js'
import { renderMarkdown } from '../lib/markdown.js'
import type { VariantSources } from '../lib/variant-sources.js'

export type ShowVariant = (section: HTMLElement, studentId: string, saved: Submission | undefined) => void

/** Where the site serves `variantSources` (src/pages/variants.json.ts). */
const VARIANT_SOURCES_URL = '/variants.json'

/** Fetches the per-student challenge sources, then renders any of them for a student. */
export async function loadVariantRenderer(): Promise<ShowVariant> {
  const response = await fetch(VARIANT_SOURCES_URL)
  if (!response.ok) throw new Error(`${VARIANT_SOURCES_URL} could not be loaded (HTTP ${response.status})`)
  const sources = (await response.json()) as VariantSources
  return (section, studentId, saved) => showStudentVariant(sources, section, studentId, saved)
}

/**
 * Re-renders the parts of `section` that depend on the student id. `saved` is the learner's
 * saved answer, already restored into the section: their own code and their own order of lines
 * are kept; blanks and predictions keep what they hold.
 */
function showStudentVariant(
  sources: VariantSources,
  section: HTMLElement,
  studentId: string,
  saved: Submission | undefined,
): void {
  const id = section.dataset.challenge!
  const challenge = sources[id]
  if (!challenge) throw new Error(`${VARIANT_SOURCES_URL} has no challenge ${id}`)
  const view = challengeView(challenge, studentId)
  section.querySelector<HTMLElement>('[data-prompt]')!.innerHTML = renderMarkdown(view.prompt)
  switch (challenge.kind) {
    case 'implement':
    case 'fix-bug':
      if (!saved) showStarter(section.querySelector<HTMLTextAreaElement>('[data-code-input]')!, view.code)
      break
    case 'fill-in':
      showFillIn(section.querySelector<HTMLElement>('[data-fill-in]')!, view.fillIn)
      break
    case 'predict-output':
      section.querySelector<HTMLElement>('[data-program]')!.textContent = view.code
      break
    case 'reorder':
      if (!saved) showLines(section.querySelector<HTMLElement>('[data-reorder]')!, view.lines)
      break
  }
  section.dataset.studentVariant = studentId
}

function showStarter(textarea: HTMLTextAreaElement, code: string): void {
  // Whatever the learner already typed into the plain textarea is theirs.
  if (textarea.value !== textarea.defaultValue) return
  textarea.defaultValue = code
  textarea.value = code
  textarea.rows = Math.min(24, code.split('\n').length + 2)
}

/** Rebuilds the code around the blanks, reusing the page's inputs so their styles and labels stay. */
function showFillIn(code: HTMLElement, parts: ChallengeView['fillIn']): void {
  const inputs = Array.from(code.querySelectorAll<HTMLInputElement>('input[data-blank]'))
  const typed = new Map(inputs.map((input) => [input.dataset.blank!, input.value]))
  const model = inputs[0]
  if (!model) return
  code.replaceChildren(
    ...parts.map((part) => {
      if (part.type === 'text') return document.createTextNode(part.text)
      const input = (inputs.find((i) => i.dataset.blank === part.id) ?? model).cloneNode() as HTMLInputElement
      input.dataset.blank = part.id
      input.setAttribute('aria-label', `Blank ${part.label}`)
      input.placeholder = part.label
      input.value = typed.get(part.id) ?? ''
      return input
    }),
  )
}

/** Replaces the lines of a reorder list, keeping the page's list items (buttons, styles). */
function showLines(list: HTMLElement, lines: readonly string[]): void {
  const model = list.querySelector<HTMLElement>('li')
  if (!model) return
  list.replaceChildren(
    ...lines.map((line) => {
      const item = model.cloneNode(true) as HTMLElement
      item.dataset.line = line
      item.querySelector('code')!.textContent = line
      return item
    }),
  )
}
