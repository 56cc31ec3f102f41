/** The progress page's "Student id" field: validated, saved with the rest of the progress. */
import { DEFAULT_STUDENT_ID } from '../lib/student.js'
import { checkStudentId } from '../lib/student-id.js'
import { commitProgress, progressState } from './site.js'

export function startStudentIdForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-student-form]')
  if (!form) return
  const input = form.querySelector<HTMLInputElement>('[data-student-id]')!
  const error = form.querySelector<HTMLElement>('[data-student-id-error]')!
  const status = form.querySelector<HTMLElement>('[data-student-id-status]')!

  const showStored = () => {
    input.value = progressState().progress.studentId
  }
  const showProblem = (problem: string | undefined) => {
    error.textContent = problem ?? ''
    error.hidden = problem === undefined
    input.setAttribute('aria-invalid', String(problem !== undefined))
  }

  showStored()
  // An import replaces the whole progress, its student id included.
  document.addEventListener('gradschool:progress', () => {
    if (document.activeElement !== input) showStored()
  })
  input.addEventListener('input', () => {
    showProblem(undefined)
    status.textContent = ''
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const checked = checkStudentId(input.value)
    if (!checked.ok) {
      showProblem(checked.problem)
      status.textContent = ''
      input.focus()
      return
    }
    showProblem(undefined)
    const { progress } = progressState()
    const previous = progress.studentId
    input.value = checked.studentId
    if (checked.studentId === previous) {
      status.textContent = `Your student id is already ${checked.studentId}.`
      return
    }
    progress.studentId = checked.studentId
    commitProgress()
    status.textContent =
      checked.studentId === DEFAULT_STUDENT_ID
        ? 'Saved: you are anonymous again, with the variants every anonymous learner gets.'
        : `Saved: you are ${checked.studentId}. Lessons now show your variants.`
  })
}
