/** The quick-check quiz: checks the chosen answers and reveals the explanation. */
import { recordQuizAnswer } from './progress-store.js'
import { commitProgress, progressState } from './site.js'

function sameChoices(chosen: number[], answer: number[]): boolean {
  return chosen.length === answer.length && [...chosen].sort().every((c, i) => c === [...answer].sort()[i])
}

export function startQuiz(root: ParentNode = document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-quiz]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const answer = JSON.parse(form.dataset.answer ?? '[]') as number[]
      const chosen = Array.from(form.querySelectorAll<HTMLInputElement>('input:checked'), (input) =>
        Number(input.value),
      )
      const feedback = form.querySelector<HTMLElement>('[data-feedback]')!
      if (chosen.length === 0) {
        feedback.textContent = 'Choose an answer first.'
        return
      }
      const correct = sameChoices(chosen, answer)
      const explanation = form.querySelector<HTMLElement>('[data-explanation]')
      feedback.innerHTML = `<p class="${correct ? 'pass' : 'fail'}">${correct ? 'Correct.' : 'Not quite.'}</p>`
      if (explanation) feedback.insertAdjacentHTML('beforeend', explanation.innerHTML)
      recordQuizAnswer(progressState().progress, form.dataset.lesson!, form.dataset.question!, chosen)
      commitProgress()
    })
  }
}
