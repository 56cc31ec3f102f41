/** The progress page: XP history, levels, and export/import of the learner's bundle. */
import { totalXp } from './progress-store.js'
import { progressState, replaceProgress } from './site.js'
import { startStudentIdForm } from './student-id-form.js'

function renderHistory(): void {
  const { progress } = progressState()
  const titles = JSON.parse(document.getElementById('challenge-titles')?.textContent ?? '{}') as Record<
    string,
    string
  >
  const earned = progress.ledger.filter((entry) => entry.xp > 0)
  const list = document.querySelector<HTMLElement>('[data-history]')!
  list.replaceChildren(
    ...earned
      .slice()
      .reverse()
      .map((entry) => {
        const item = document.createElement('li')
        const when = new Date(entry.at).toLocaleString()
        item.textContent = `+${entry.xp} XP · ${titles[entry.challengeId] ?? entry.challengeId} · ${when}`
        return item
      }),
  )
  document.querySelector<HTMLElement>('[data-history-empty]')!.hidden = earned.length > 0
  const chart = document.querySelector<SVGElement>('[data-history-chart]')!
  chart.style.display = earned.length > 0 ? '' : 'none'
  const total = totalXp(progress)
  let running = 0
  const points = [`20,120`]
  earned.forEach((entry, i) => {
    running += entry.xp
    points.push(`${20 + ((i + 1) / earned.length) * 440},${120 - (running / Math.max(total, 1)) * 100}`)
  })
  chart.innerHTML = `<line x1="20" y1="120" x2="460" y2="120" stroke="#9aa0a8"/><polyline points="${points.join(' ')}" fill="none" stroke="#1f5fbf" stroke-width="3"/><text x="20" y="14" font-size="13" fill="#545a66">${total} XP</text>`
  for (const li of document.querySelectorAll<HTMLElement>('[data-level-xp]'))
    li.classList.toggle('reached', total >= Number(li.dataset.levelXp))
}

function setStatus(text: string): void {
  document.querySelector<HTMLElement>('[data-bundle-status]')!.textContent = text
}

async function exportProgress(): Promise<void> {
  const { exportBundle } = await import('./bundle.js')
  const bundle = exportBundle(progressState().progress)
  const blob = new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = 'gradschool-progress.json'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  setStatus(
    `Exported ${Object.keys(bundle.submissions).length} answers and ${totalXp(progressState().progress)} XP.`,
  )
}

async function importProgress(file: File): Promise<void> {
  const { importBundle } = await import('./bundle.js')
  try {
    const progress = importBundle(await file.text())
    replaceProgress(progress)
    renderHistory()
    setStatus(
      `Imported ${Object.keys(progress.submissions).length} answers and ${totalXp(progress)} XP from ${file.name}.`,
    )
  } catch (error) {
    setStatus(`${file.name} could not be imported: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function startProgressPage(): void {
  startStudentIdForm()
  renderHistory()
  document.addEventListener('gradschool:progress', renderHistory)
  document.querySelector('[data-action="export"]')?.addEventListener('click', () => void exportProgress())
  const input = document.querySelector<HTMLInputElement>('[data-import]')!
  input.addEventListener('change', () => {
    const file = input.files?.[0]
    if (file) void importProgress(file).finally(() => (input.value = ''))
  })
}
