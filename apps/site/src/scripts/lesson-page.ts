/** Everything interactive on a lesson page; heavy parts load on first use. */
import { startChallenges } from './challenge-ui.js'
import { startForwardPasses } from './forward-pass-player.js'
import { startQuiz } from './quiz.js'

function startRunners(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-runner]')) {
    const button = figure.querySelector<HTMLButtonElement>('[data-action="run"]')!
    const output = figure.querySelector<HTMLElement>('[data-output]')!
    button.addEventListener('click', async () => {
      const code = figure.querySelector('[data-code]')?.textContent ?? ''
      button.disabled = true
      output.hidden = false
      output.replaceChildren()
      output.setAttribute('aria-busy', 'true')
      const { runCode } = await import('./runner-client.js')
      await runCode(code, (text, error) => {
        const line = document.createElement('span')
        line.textContent = `${text}\n`
        if (error) line.className = 'error'
        output.append(line)
      })
      if (!output.textContent) output.textContent = '(no output)'
      output.removeAttribute('aria-busy')
      button.disabled = false
    })
  }
}

export function startLessonPage(): void {
  startRunners()
  startQuiz()
  startForwardPasses()
  startChallenges()
}
