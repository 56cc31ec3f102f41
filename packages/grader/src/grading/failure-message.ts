import type { SourceLocationError } from '../compile/strip-types.js'
import { formatLocation } from '../compile/strip-types.js'
import type { SandboxFailure } from '../sandbox/session.js'
import type { Location, VerdictStatus } from './verdict.js'

/** The verdict status and message for a sandbox failure while `doing` (e.g. "loading your file"). */
export function describeFailure(
  failure: SandboxFailure,
  doing: string,
  file: string,
): { status: VerdictStatus; message: string; location?: Location } {
  switch (failure.kind) {
    case 'timeout':
      return {
        status: 'timeout',
        message: `Timed out ${doing}: your code used more than ${seconds(failure.limitMs)} of CPU time. Look for a loop that never ends.`,
      }
    case 'memory':
      return {
        status: 'memory',
        message: `Ran out of memory ${doing}: your code used more than ${megabytes(failure.limitBytes)}. Look for an array or string that keeps growing.`,
      }
    case 'stack':
      return {
        status: 'error',
        message: `Stack overflow ${doing}: recursion went too deep (stack limit ${Math.round(failure.limitBytes / 1024)} KB). Check that every recursive call gets closer to a base case.`,
      }
    case 'output':
      return {
        status: 'error',
        message: `Too much output ${doing}: your code printed more than ${failure.limitChars} characters. Remove the console.log calls inside loops.`,
      }
    case 'thrown': {
      const location = locateInStack(failure.stack, file)
      const where = location
        ? ` (${file}:${location.line}${location.column ? `:${location.column}` : ''})`
        : ''
      const what = failure.isError ? failure.text : `threw ${failure.text}, which is not an Error`
      return location
        ? { status: 'error', message: `${what}${where} while ${doing}`, location }
        : { status: 'error', message: `${what} while ${doing}` }
    }
  }
}

/** The first stack frame in the learner's file: QuickJS writes `at fn (file:line)` or `(file:line:col)`. */
export function locateInStack(stack: string, file: string): Location | undefined {
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(`${file}:`)
    if (at === -1) continue
    const match = /^:(\d+)(?::(\d+))?/.exec(line.slice(at + file.length))
    if (!match) continue
    const location: Location = { file, line: Number(match[1]) }
    if (match[2]) location.column = Number(match[2])
    return location
  }
  return undefined
}

export function syntaxErrorMessage(error: SourceLocationError): { message: string; location: Location } {
  return {
    message: `Syntax error: ${formatLocation(error)}`,
    location: { file: error.file, line: error.line, column: error.column },
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}
