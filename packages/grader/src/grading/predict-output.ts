import type { Challenge } from '@gradschool/course'
import { needsLibraries, stripTypes } from '../compile/strip-types.js'
import type { SandboxLimits } from '../sandbox/limits.js'
import { loadQuickJS } from '../sandbox/quickjs.js'
import { type SandboxOutcome, SandboxSession } from '../sandbox/session.js'
import { comparePrintedOutput } from './printed-output.js'
import { type Verdict, verdict } from './verdict.js'

export interface ProgramRun {
  outcome: SandboxOutcome<void> | { ok: false; failure: { kind: 'syntax'; message: string } }
  output: string
}

/** Runs a whole program in a fresh sandbox and returns what it printed. */
export async function runProgram(
  code: string,
  file: string,
  options: { limits?: Partial<SandboxLimits>; seed?: number; libraries: () => Promise<string | undefined> },
): Promise<ProgramRun> {
  const stripped = stripTypes(code, file)
  if (!stripped.ok) {
    const { line, column, message } = stripped.error
    return {
      outcome: { ok: false, failure: { kind: 'syntax', message: `${file}:${line}:${column}: ${message}` } },
      output: '',
    }
  }
  const module = await loadQuickJS()
  const session = new SandboxSession(module, { limits: options.limits, seed: options.seed ?? 0 })
  try {
    if (needsLibraries(stripped.code)) {
      const libraries = await options.libraries()
      if (libraries === undefined) {
        const message =
          'the program imports the course libraries, but the grader was not given the library bundle'
        return { outcome: { ok: false, failure: { kind: 'syntax', message } }, output: '' }
      }
      const loaded = session.loadLibraries(libraries)
      if (!loaded.ok) return { outcome: loaded, output: session.output }
    }
    return { outcome: session.evaluateModule(stripped.code, file), output: session.output }
  } finally {
    session.dispose()
  }
}

/** predict-output: the learner's text against what this learner's variant of the program prints. */
export async function gradePrediction(
  challenge: Challenge,
  program: string,
  predicted: string,
  options: { limits?: Partial<SandboxLimits>; libraries: () => Promise<string | undefined> },
): Promise<Verdict> {
  const file = challenge.program?.path ?? `${challenge.dir}/program.ts`
  const run = await runProgram(program, file, { ...options, limits: { timeMs: 20_000, ...options.limits } })
  if (!run.outcome.ok) {
    return verdict(
      challenge.id,
      challenge.kind,
      'error',
      `The challenge's program failed to run (${describeRunFailure(run.outcome.failure)}); this is a course problem, not your answer.`,
      { courseProblem: true },
    )
  }
  const difference = comparePrintedOutput(run.output, predicted)
  if (difference === null)
    return verdict(challenge.id, challenge.kind, 'pass', 'Your prediction matches the output.')
  return verdict(
    challenge.id,
    challenge.kind,
    'fail',
    `Line ${difference.line} of the output differs.\n  you predicted: ${difference.actual}\n  the program printed: ${difference.expected}`,
  )
}

export function describeRunFailure(failure: { kind: string; message?: string; text?: string }): string {
  return failure.message ?? failure.text ?? failure.kind
}
