/** Runs on every page: reads progress once, shows XP and level, reports a corrupt store. */
import type { CourseMeta } from '@gradschool/course'
import { levelFor } from '../lib/xp-ledger.js'
import { type LoadedProgress, loadProgress, saveProgress, totalXp } from './progress-store.js'

export interface CourseInfo {
  title: string
  levels: CourseMeta['levels']
  xp: CourseMeta['xp']
  /** XP on offer per challenge id. */
  challengeXp: Record<string, number>
}

let loaded: LoadedProgress | undefined

export function courseInfo(): CourseInfo {
  return JSON.parse(document.getElementById('course-info')?.textContent ?? '{}') as CourseInfo
}

export function progressState(): LoadedProgress {
  loaded ??= loadProgress()
  return loaded
}

/** Saves and refreshes every XP/level display on the page. */
export function commitProgress(): void {
  const state = progressState()
  if (!saveProgress(state.progress) && !state.problem) {
    state.problem =
      'Progress could not be saved in this browser (storage is full or blocked); export it from the Progress page to keep it.'
    showProblem(state.problem)
  }
  renderXp()
  document.dispatchEvent(new CustomEvent('gradschool:progress'))
}

export function renderXp(): void {
  const { progress } = progressState()
  const xp = totalXp(progress)
  const { level: current, next } = levelFor(xp, courseInfo().levels ?? [])
  for (const el of document.querySelectorAll<HTMLElement>('[data-xp-total]')) el.textContent = String(xp)
  for (const el of document.querySelectorAll<HTMLElement>('[data-level-name]'))
    el.textContent = current?.name ?? ''
  for (const el of document.querySelectorAll<HTMLElement>('[data-level-next]'))
    el.textContent = next ? `${next.xp - xp} XP to ${next.name}` : 'Top level reached'
}

function showProblem(problem: string): void {
  const warning = document.querySelector<HTMLElement>('[data-store-warning]')
  if (!warning) return
  warning.textContent = problem
  warning.hidden = false
}

export function startSite(): void {
  const { problem } = progressState()
  if (problem) showProblem(problem)
  renderXp()
}

/** Replaces the progress in memory (after an import) and saves it. */
export function replaceProgress(next: LoadedProgress['progress']): void {
  progressState().progress = next
  commitProgress()
}
