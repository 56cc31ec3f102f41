/**
 * Challenge widgets: collects the learner's answer for each kind, shows hints, and hands the
 * answer to the grader (loaded on the first Check).
 */
import type { ChallengeKind, Submission } from '@gradschool/course'
import { DEFAULT_STUDENT_ID } from '../lib/student.js'
import type { BrowserVerdict } from './grading-client.js'
import { hasPassed, recordAttempt, recordHint } from './progress-store.js'
import { reorderedLines, setOrder, startReorder } from './reorder.js'
import { commitProgress, courseInfo, progressState } from './site.js'

export function collectSubmission(section: HTMLElement): Submission {
  const kind = section.dataset.kind as ChallengeKind
  switch (kind) {
    case 'implement':
    case 'fix-bug':
      return { kind, code: section.querySelector<HTMLTextAreaElement>('[data-code-input]')!.value }
    case 'fill-in':
      return {
        kind,
        blanks: Object.fromEntries(
          Array.from(section.querySelectorAll<HTMLInputElement>('[data-blank]'), (input) => [
            input.dataset.blank!,
            input.value,
          ]),
        ),
      }
    case 'reorder':
      return { kind, lines: reorderedLines(section.querySelector<HTMLElement>('[data-reorder]')!) }
    case 'predict-output':
      return { kind, output: section.querySelector<HTMLTextAreaElement>('[data-prediction]')!.value }
  }
}

function restoreSubmission(section: HTMLElement, submission: Submission): void {
  if (submission.kind === 'implement' || submission.kind === 'fix-bug') {
    const textarea = section.querySelector<HTMLTextAreaElement>('[data-code-input]')
    if (textarea) textarea.value = submission.code
  } else if (submission.kind === 'fill-in') {
    for (const input of section.querySelectorAll<HTMLInputElement>('[data-blank]'))
      input.value = submission.blanks[input.dataset.blank!] ?? ''
  } else if (submission.kind === 'reorder') {
    const list = section.querySelector<HTMLElement>('[data-reorder]')
    if (list) setOrder(list, submission.lines)
  } else if (submission.kind === 'predict-output') {
    const textarea = section.querySelector<HTMLTextAreaElement>('[data-prediction]')
    if (textarea) textarea.value = submission.output
  }
}

function showVerdict(
  section: HTMLElement,
  verdict: BrowserVerdict,
  gained: number,
  alreadyPassed: boolean,
): void {
  const verdictEl = section.querySelector<HTMLElement>('[data-verdict]')!
  const xpEl = section.querySelector<HTMLElement>('[data-xp-awarded]')!
  const passed = verdict.status === 'pass'
  verdictEl.className = `verdict ${passed ? 'pass' : 'fail'}`
  verdictEl.textContent = verdict.text
  if (passed) xpEl.textContent = alreadyPassed ? 'XP for this challenge was already earned.' : `+${gained} XP`
}

function showHint(section: HTMLElement, count: number): void {
  const hints = JSON.parse(section.querySelector('script[data-hint-texts]')?.textContent ?? '[]') as string[]
  const list = section.querySelector<HTMLElement>('[data-hints]')!
  list.innerHTML = hints
    .slice(0, count)
    .map((hint) => `<li>${hint}</li>`)
    .join('')
  const button = section.querySelector<HTMLButtonElement>('[data-action="hint"]')!
  if (count >= hints.length) button.disabled = true
}

async function check(section: HTMLElement, button: HTMLButtonElement, variant: Promise<void>): Promise<void> {
  const id = section.dataset.challenge!
  const verdictEl = section.querySelector<HTMLElement>('[data-verdict]')!
  const { progress } = progressState()
  try {
    // The answer is read from the learner's variant, never from the pre-rendered one.
    await variant
  } catch {
    return // the problem is shown in the section and Check stays disabled
  }
  const submission = collectSubmission(section)
  button.disabled = true
  verdictEl.className = 'verdict'
  verdictEl.textContent = 'Checking…'
  section.querySelector<HTMLElement>('[data-xp-awarded]')!.textContent = ''
  try {
    const { gradeInBrowser } = await import('./grading-client.js')
    const verdict = await gradeInBrowser({ challengeId: id, submission, studentId: progress.studentId })
    const alreadyPassed = hasPassed(progress.ledger, id)
    const info = courseInfo()
    const gained = recordAttempt(
      progress,
      { challengeId: id, challengeXp: info.challengeXp[id] ?? 0, status: verdict.status, submission },
      info.xp,
    )
    commitProgress()
    showVerdict(section, verdict, gained, alreadyPassed)
  } catch (error) {
    verdictEl.className = 'verdict fail'
    verdictEl.textContent = `The grader could not run: ${error instanceof Error ? error.message : String(error)}`
  } finally {
    button.disabled = false
  }
}

function startEditorOnFirstUse(textarea: HTMLTextAreaElement, variant: Promise<void>): void {
  let mounting = false
  const mount = async () => {
    if (mounting) return
    mounting = true
    // The editor copies the textarea once, so it must already hold the learner's variant.
    await variant.catch(() => undefined)
    const { mountEditor } = await import('./editor.js')
    const hadFocus = document.activeElement === textarea
    const view = mountEditor(textarea)
    if (hadFocus) view.focus()
  }
  textarea.addEventListener('focus', mount, { once: true })
  textarea.addEventListener('pointerdown', mount, { once: true })
}

function startOne(section: HTMLElement, variant: Promise<void>): void {
  const id = section.dataset.challenge!
  const { progress } = progressState()
  const list = section.querySelector<HTMLElement>('[data-reorder]')
  if (list) startReorder(list)
  const saved = progress.submissions[id]
  if (saved) restoreSubmission(section, saved)
  const hintsUsed = progress.hintsUsed[id] ?? 0
  if (hintsUsed > 0) showHint(section, hintsUsed)
  const earned = progress.ledger.find((entry) => entry.challengeId === id && entry.status === 'pass')
  if (earned) {
    const verdictEl = section.querySelector<HTMLElement>('[data-verdict]')!
    verdictEl.className = 'verdict pass'
    verdictEl.textContent = `Passed earlier: ${earned.xp} XP earned.`
  }
  const textarea = section.querySelector<HTMLTextAreaElement>('[data-code-input]')
  if (textarea) startEditorOnFirstUse(textarea, variant)

  section.querySelector<HTMLButtonElement>('[data-action="hint"]')?.addEventListener('click', () => {
    const count = recordHint(progress, id)
    commitProgress()
    showHint(section, count)
  })
  const checkButton = section.querySelector<HTMLButtonElement>('[data-action="check"]')!
  checkButton.addEventListener('click', () => void check(section, checkButton, variant))
}

function showVariantProblem(section: HTMLElement, studentId: string, error: unknown): void {
  const verdictEl = section.querySelector<HTMLElement>('[data-verdict]')!
  verdictEl.className = 'verdict fail'
  verdictEl.textContent = `Your variant of this challenge (student ${studentId}) could not be shown: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`
  section.querySelector<HTMLButtonElement>('[data-action="check"]')!.disabled = true
}

/**
 * Pages are pre-rendered with the anonymous variant; a learner with their own student id gets
 * theirs rendered here, by a module loaded only for them. Each section's promise settles once
 * it shows that variant. Rendering happens after every section has been started (the import
 * resolves later), so saved answers are already in place and win.
 */
function showStudentVariants(sections: HTMLElement[], studentId: string): Map<HTMLElement, Promise<void>> {
  const shown = new Map<HTMLElement, Promise<void>>()
  const perStudent = sections.filter((section) => section.hasAttribute('data-per-student'))
  if (studentId === DEFAULT_STUDENT_ID || perStudent.length === 0) return shown
  const renderer = import('./student-variant.js').then(({ loadVariantRenderer }) => loadVariantRenderer())
  for (const section of perStudent) {
    section.setAttribute('aria-busy', 'true')
    const done = renderer.then((showStudentVariant) =>
      showStudentVariant(
        section,
        studentId,
        progressState().progress.submissions[section.dataset.challenge!],
      ),
    )
    done
      .catch((error: unknown) => showVariantProblem(section, studentId, error))
      .finally(() => section.removeAttribute('aria-busy'))
    shown.set(section, done)
  }
  return shown
}

export function startChallenges(root: ParentNode = document): void {
  const sections = Array.from(root.querySelectorAll<HTMLElement>('[data-challenge]'))
  const variants = showStudentVariants(sections, progressState().progress.studentId)
  for (const section of sections) startOne(section, variants.get(section) ?? Promise.resolve())
}
