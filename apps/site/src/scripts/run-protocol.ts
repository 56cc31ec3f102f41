/** Messages between the page and the code-running worker. */
export interface RunRequest {
  code: string
}

export type RunMessage =
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'error'; message: string; line?: number }
  | { type: 'done' }
