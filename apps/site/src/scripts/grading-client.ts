/** Grades a submission in a worker with the grader core (loaded only on the first Check). */
import type { VerdictStatus } from '@gradschool/grader'
import type { GradeRequest, GradeResponse } from './grade-protocol.js'

/** Grading is bounded by the sandbox's own limits; this only guards against a stuck worker. */
const WATCHDOG_MS = 90_000

export interface BrowserVerdict {
  status: VerdictStatus
  /** The verdict as the learner reads it: message, then what their program printed. */
  text: string
}

let worker: Worker | undefined
let queue: Promise<unknown> = Promise.resolve()

function gradingWorker(): Worker {
  worker ??= new Worker(new URL('./grade-worker.ts', import.meta.url), { type: 'module', name: 'grader' })
  return worker
}

function send(request: GradeRequest): Promise<GradeResponse> {
  const current = gradingWorker()
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => {
      current.terminate()
      worker = undefined
      resolve({ ok: false, message: `Grading took longer than ${WATCHDOG_MS / 1000} s and was stopped.` })
    }, WATCHDOG_MS)
    current.addEventListener(
      'message',
      (event: MessageEvent<GradeResponse>) => {
        window.clearTimeout(timer)
        resolve(event.data)
      },
      { once: true },
    )
    current.postMessage(request)
  })
}

export async function gradeInBrowser(request: GradeRequest): Promise<BrowserVerdict> {
  const next = queue.then(() => send(request))
  queue = next.catch(() => undefined)
  const response = await next
  if (!response.ok) return { status: 'error', text: `The grader could not run: ${response.message}` }
  const { verdict } = response
  const lines = [verdict.status === 'pass' ? `Passed. ${verdict.message}`.trim() : verdict.message]
  if (verdict.status !== 'pass' && verdict.output.trim())
    lines.push('', 'Your program printed:', verdict.output.trimEnd())
  return { status: verdict.status, text: lines.join('\n') }
}
