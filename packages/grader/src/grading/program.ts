import type { Challenge, PropertySpec } from '@gradschool/course'
import { tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { needsLibraries, stripTypes } from '../compile/strip-types.js'
import type { SandboxLimits } from '../sandbox/limits.js'
import { loadQuickJS } from '../sandbox/quickjs.js'
import type { SandboxFailure } from '../sandbox/session.js'
import { SandboxSession } from '../sandbox/session.js'
import { encodeForSandbox, type PlainValue, TensorValue } from '../sandbox/values.js'
import { compareResults } from './compare.js'
import { describeFailure, syntaxErrorMessage } from './failure-message.js'
import { formatCall, formatPair } from './format-value.js'
import { type Verdict, verdict } from './verdict.js'

/** The reference is trusted but still sandboxed; it gets a generous budget of its own. */
const REFERENCE_TIME_MS = 20_000

export interface ProgramGrading {
  challenge: Challenge
  /** The learner's program (TypeScript), after blanks are filled or lines assembled. */
  code: string
  file: string
  /** The reference for this learner's variant (TypeScript). */
  reference: string
  spec: PropertySpec
  seed: number
  path?: string
  limits?: Partial<SandboxLimits>
  libraries: () => Promise<string | undefined>
}

type Failure =
  | { kind: 'mismatch'; args: unknown[]; actual: PlainValue; expected: PlainValue; difference: string }
  | { kind: 'custom'; args: unknown[]; message: string }
  | { kind: 'sandbox'; args: unknown[]; failure: SandboxFailure }

/**
 * Grades a program against the spec: fast-check generates argument lists, the learner's entry
 * function and the reference's run on each in two separate sandboxes, and the results are
 * compared outside both. A failure shrinks to the smallest counterexample.
 */
export async function gradeProgram(job: ProgramGrading): Promise<Verdict> {
  const { challenge, file } = job
  const entry = challenge.entry
  const fail = (status: Verdict['status'], message: string, extra: Partial<Verdict> = {}) =>
    verdict(challenge.id, challenge.kind, status, message, extra)
  if (!entry)
    return fail('error', `Challenge ${challenge.id} has no \`entry\` function to call (challenge.yaml).`)

  const student = stripTypes(job.code, file)
  if (!student.ok) return fail('error', ...syntaxError(student.error))
  const reference = stripTypes(job.reference, challenge.reference.path)
  if (!reference.ok) {
    return fail(
      'error',
      `The challenge's reference does not compile (${reference.error.message}); this is a course problem, not your code.`,
      {
        courseProblem: true,
      },
    )
  }

  const module = await loadQuickJS()
  const wanted =
    needsLibraries(student.code) || needsLibraries(reference.code) || argumentsHoldTensors(job.spec, job.seed)
  const libraries = wanted ? await job.libraries() : undefined
  if (wanted && libraries === undefined) {
    return fail(
      'error',
      'This program imports @gradschool/tensor or @gradschool/nn, but the grader was not given the library bundle.',
    )
  }
  const studentSession = new SandboxSession(module, { limits: job.limits, seed: job.seed })
  const referenceSession = new SandboxSession(module, {
    limits: { ...job.limits, timeMs: REFERENCE_TIME_MS },
    seed: job.seed,
  })
  try {
    if (libraries !== undefined) {
      for (const session of [studentSession, referenceSession]) {
        const loaded = session.loadLibraries(libraries)
        if (!loaded.ok)
          return fail('error', `The course libraries failed to load in the sandbox (${loaded.failure.kind}).`)
      }
    }
    const refLoaded = referenceSession.evaluateModule(reference.code, challenge.reference.path)
    if (!refLoaded.ok || referenceSession.exportKind(entry) !== 'function') {
      return fail(
        'error',
        `The challenge's reference does not export a working \`${entry}\`; this is a course problem, not your code.`,
        {
          courseProblem: true,
        },
      )
    }
    const loaded = studentSession.evaluateModule(student.code, file)
    if (!loaded.ok) {
      const described = describeFailure(loaded.failure, 'loading your file', file)
      return fail(
        described.status,
        described.message,
        withLocation(described.location, studentSession.output),
      )
    }
    const kind = studentSession.exportKind(entry)
    if (kind !== 'function') {
      const message =
        kind === 'missing'
          ? `${file} does not export a function named \`${entry}\`. Write \`export function ${entry}(…)\`.`
          : `${file} exports \`${entry}\`, but it is not a function.`
      return fail('fail', message, { output: studentSession.output })
    }
    return runProperty(job, entry, studentSession, referenceSession)
  } finally {
    studentSession.dispose()
    referenceSession.dispose()
  }
}

function runProperty(
  job: ProgramGrading,
  entry: string,
  student: SandboxSession,
  reference: SandboxSession,
): Verdict {
  const { challenge, spec, file } = job
  let lastFailure: Failure | undefined
  let fatal: Failure | undefined
  let courseProblem: string | undefined

  const predicate = (args: unknown[]): boolean => {
    if (fatal || courseProblem) return true
    const encoded = encodeForSandbox(args)
    const callSeed = (hashText(encoded) ^ job.seed) >>> 0
    const expected = reference.callExport(entry, encoded, callSeed)
    if (!expected.ok) {
      courseProblem = `the reference failed on ${formatCall(entry, args)} (${expected.failure.kind === 'thrown' ? expected.failure.text : expected.failure.kind})`
      return true
    }
    const actual = student.callExport(entry, encoded, callSeed)
    if (!actual.ok) {
      const failure: Failure = { kind: 'sandbox', args, failure: actual.failure }
      const recoverable = actual.failure.kind === 'thrown' || actual.failure.kind === 'stack'
      if (recoverable) {
        lastFailure = failure
        return false
      }
      // Out of time, memory or output: the sandbox cannot run more inputs. Before any failure
      // this is the verdict; while shrinking an earlier failure, that failure stands.
      if (!lastFailure) fatal = failure
      return true
    }
    const custom = spec.check?.(args as never, toHost(actual.value), toHost(expected.value))
    if (custom) {
      lastFailure = { kind: 'custom', args, message: custom }
      return false
    }
    if (spec.check) return true
    const difference = compareResults(actual.value, expected.value, spec.tolerance)
    if (difference === null) return true
    lastFailure = { kind: 'mismatch', args, actual: actual.value, expected: expected.value, difference }
    return false
  }

  const parameters: fc.Parameters<[unknown[]]> = {
    seed: job.seed,
    numRuns: spec.numRuns,
    examples: spec.examples.map((example) => [example]),
  }
  if (job.path !== undefined) parameters.path = job.path
  const details = fc.check(fc.property(spec.args as fc.Arbitrary<unknown[]>, predicate), parameters)

  const base = { output: student.output, replay: { seed: job.seed } as { seed: number; path?: string } }
  if (courseProblem) {
    return verdict(
      challenge.id,
      challenge.kind,
      'error',
      `Grading stopped: ${courseProblem}. This is a course problem, not your code.`,
      {
        ...base,
        courseProblem: true,
      },
    )
  }
  if (fatal?.kind === 'sandbox') {
    const described = describeFailure(fatal.failure, `on ${formatCall(entry, fatal.args)}`, file)
    return verdict(challenge.id, challenge.kind, described.status, described.message, {
      ...withLocation(described.location, student.output),
      replay: base.replay,
    })
  }
  if (!details.failed || !lastFailure) {
    return verdict(
      challenge.id,
      challenge.kind,
      'pass',
      `All ${details.numRuns} generated inputs behave like the reference.`,
      {
        ...base,
        runs: details.numRuns,
      },
    )
  }
  if (details.counterexamplePath) base.replay.path = details.counterexamplePath
  const replayLine = `Replay: --seed ${job.seed}${base.replay.path ? ` --path ${base.replay.path}` : ''}`
  const call = formatCall(entry, lastFailure.args)
  if (lastFailure.kind === 'sandbox') {
    const described = describeFailure(lastFailure.failure, `on ${call}`, file)
    const at = described.location ? ` (at ${file}:${described.location.line})` : ''
    const message =
      lastFailure.failure.kind === 'thrown'
        ? `${call} threw ${threwText(lastFailure.failure)}${at}`
        : described.message
    return verdict(challenge.id, challenge.kind, 'fail', `${message}\n${replayLine}`, {
      ...withLocation(described.location, student.output),
      replay: base.replay,
    })
  }
  if (lastFailure.kind === 'custom') {
    return verdict(
      challenge.id,
      challenge.kind,
      'fail',
      `${call}: ${lastFailure.message}\n${replayLine}`,
      base,
    )
  }
  const [actual, expected] = formatPair(lastFailure.actual, lastFailure.expected)
  // The difference adds nothing when it only repeats the two values.
  const detail =
    lastFailure.difference === `expected ${expected}, got ${actual}` ? '' : ` (${lastFailure.difference})`
  return verdict(
    challenge.id,
    challenge.kind,
    'fail',
    `${call} returned ${actual}; expected ${expected}${detail}\n${replayLine}`,
    {
      ...base,
      counterexample: { call, args: lastFailure.args, actual, expected },
    },
  )
}

/** Tensor arguments are rebuilt with the library inside the sandbox, so it must load even if no code imports it. */
function argumentsHoldTensors(spec: PropertySpec, seed: number): boolean {
  const samples = [...spec.examples, ...fc.sample(spec.args, { numRuns: 3, seed })]
  return samples.some((args) => encodeForSandbox(args).includes('"$":"tensor"'))
}

function threwText(failure: Extract<SandboxFailure, { kind: 'thrown' }>): string {
  return failure.isError ? failure.text : `${failure.text} (not an Error)`
}

function withLocation(location: Verdict['location'], output: string): Partial<Verdict> {
  return location ? { location, output } : { output }
}

function syntaxError(error: Parameters<typeof syntaxErrorMessage>[0]): [string, Partial<Verdict>] {
  const { message, location } = syntaxErrorMessage(error)
  return [message, { location }]
}

/** Tensor snapshots become real host tensors for custom `check` functions. */
function toHost(value: PlainValue): unknown {
  if (value instanceof TensorValue) {
    const dtype = value.dtype === 'float64' || value.dtype === 'int32' ? value.dtype : 'float32'
    return tensor(value.data as number[], { dtype }).reshape(value.shape as number[])
  }
  if (Array.isArray(value)) return value.map(toHost)
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toHost(item as PlainValue)]))
  }
  return value
}

/** FNV-1a over UTF-16 code units: a stable per-input seed for the sandbox's random generators. */
function hashText(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
