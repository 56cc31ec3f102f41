/**
 * Runs a lesson's code block: TypeScript is transpiled with sucrase (which keeps line numbers),
 * imports of the course packages resolve to the real @gradschool/tensor and @gradschool/nn.
 */
import * as nn from '@gradschool/nn'
import * as tensor from '@gradschool/tensor'
import { transform } from 'sucrase'
import { formatArgs } from './format-value.js'
import type { RunMessage, RunRequest } from './run-protocol.js'

const MODULES: Record<string, unknown> = { '@gradschool/tensor': tensor, '@gradschool/nn': nn }
const SOURCE_NAME = 'lesson-code.ts'
/** `new AsyncFunction` puts the body after a two-line header. */
const HEADER_LINES = 2

const post = (message: RunMessage) => (self as unknown as Worker).postMessage(message)

function requireModule(name: string): unknown {
  const found = MODULES[name]
  if (!found)
    throw new Error(
      `Cannot import "${name}" here: code blocks can import @gradschool/tensor and @gradschool/nn.`,
    )
  return found
}

function errorLine(error: unknown): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  const match = new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):\\d+`).exec(stack)
  return match ? Number(match[1]) - HEADER_LINES : undefined
}

async function run({ code }: RunRequest): Promise<void> {
  let js: string
  try {
    js = transform(code, { transforms: ['typescript', 'imports'], filePath: SOURCE_NAME }).code
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const line = /\((\d+):\d+\)/.exec(message)
    post({ type: 'error', message, line: line ? Number(line[1]) : undefined })
    return
  }
  const console_ = Object.fromEntries(
    (['log', 'info', 'warn', 'error'] as const).map((level) => [
      level,
      (...args: unknown[]) => post({ type: 'log', level, text: formatArgs(args) }),
    ]),
  )
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...a: unknown[]) => Promise<void>
  try {
    const body = new AsyncFunction(
      'require',
      'exports',
      'module',
      'console',
      `${js}\n//# sourceURL=${SOURCE_NAME}`,
    )
    const exports = {}
    await body(requireModule, exports, { exports }, console_)
  } catch (error) {
    const message =
      error instanceof Error ? `${error.name}: ${error.message}` : `Thrown: ${formatArgs([error])}`
    post({ type: 'error', message, line: errorLine(error) })
  }
}

self.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  await run(event.data)
  post({ type: 'done' })
})
