/**
 * Runs code blocks in a Web Worker with a time limit; an endless loop is stopped by ending the
 * worker, and the next run starts a fresh one.
 */
import type { RunMessage } from './run-protocol.js'

export const RUN_TIME_LIMIT_MS = 10_000

let worker: Worker | undefined
let busy = false

function freshWorker(): Worker {
  worker ??= new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'code-runner' })
  return worker
}

export interface RunOutcome {
  lines: { text: string; error: boolean }[]
}

export function runCode(code: string, onLine: (text: string, error: boolean) => void): Promise<void> {
  if (busy) return Promise.resolve(onLine('Another block is still running; wait for it to finish.', true))
  busy = true
  const current = freshWorker()
  return new Promise((resolve) => {
    const finish = () => {
      window.clearTimeout(timer)
      current.removeEventListener('message', onMessage)
      busy = false
      resolve()
    }
    const timer = window.setTimeout(() => {
      current.terminate()
      worker = undefined
      onLine(`Stopped after ${RUN_TIME_LIMIT_MS / 1000} s: the code ran too long (an endless loop?).`, true)
      finish()
    }, RUN_TIME_LIMIT_MS)
    const onMessage = (event: MessageEvent<RunMessage>) => {
      const message = event.data
      if (message.type === 'log') onLine(message.text, message.level === 'error' || message.level === 'warn')
      else if (message.type === 'error')
        onLine(message.line ? `Line ${message.line}: ${message.message}` : message.message, true)
      else finish()
    }
    current.addEventListener('message', onMessage)
    current.postMessage({ code })
  })
}
