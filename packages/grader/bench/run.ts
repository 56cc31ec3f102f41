/**
 * `pnpm bench`: grading latency per challenge (sandbox start included), throughput over every
 * reference solution, and the wall time of `gradschool check` over the whole course.
 * Prints a table and writes bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { renderVariant, reorderRegion, type Submission } from '@gradschool/course'
import { loadCourse } from '@gradschool/course/node'
import { checkCourse } from '../src/node/check.js'
import { allChallenges, gradeSubmission } from '../src/node/grade-work.js'
import { sandboxLibraries } from '../src/node/libraries.js'
import { loadSpec } from '../src/node/spec-loader.js'
import { loadQuickJS } from '../src/sandbox/quickjs.js'

const REPEATS = 10
const STUDENT = 'bench-student'
const exercises = resolve(import.meta.dirname, '../../../exercises')

function referenceSubmission(
  kind: string,
  reference: string,
  blanks: Record<string, string>,
): Submission | undefined {
  switch (kind) {
    case 'implement':
    case 'fix-bug':
      return { kind, code: reference }
    case 'fill-in':
      return { kind, blanks }
    case 'reorder':
      return { kind, lines: reorderRegion(reference).lines }
    default:
      return undefined
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

const { course } = await loadCourse(exercises)
// One-time costs, reported separately: compiling the WebAssembly module, bundling the libraries.
let started = performance.now()
await loadQuickJS()
const wasmLoadMs = performance.now() - started
started = performance.now()
await sandboxLibraries()
const librariesMs = performance.now() - started

const rows: { challenge: string; p50: number; p95: number }[] = []
const all: number[] = []
let failures = 0
for (const challenge of allChallenges(course)) {
  const blanks = Object.fromEntries((challenge.blanks ?? []).map((blank) => [blank.id, blank.answer]))
  const submission =
    challenge.kind === 'predict-output'
      ? ({ kind: 'predict-output', output: '' } as Submission)
      : referenceSubmission(challenge.kind, renderVariant(challenge, STUDENT).reference, blanks)
  if (!submission) continue
  if (challenge.spec) await loadSpec(challenge, STUDENT) // spec import is cached by the module loader, not timed
  const times: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    const begin = performance.now()
    const verdict = await gradeSubmission(challenge, submission, { studentId: STUDENT })
    times.push(performance.now() - begin)
    if (verdict.status !== 'pass' && challenge.kind !== 'predict-output') failures++
  }
  times.sort((a, b) => a - b)
  all.push(...times)
  rows.push({ challenge: challenge.id, p50: percentile(times, 50), p95: percentile(times, 95) })
}
all.sort((a, b) => a - b)
const totalMs = all.reduce((sum, t) => sum + t, 0)

started = performance.now()
const check = await checkCourse(course, [], { exercisesDir: exercises })
const checkMs = performance.now() - started

const results = {
  date: new Date().toISOString(),
  node: process.version,
  repeats: REPEATS,
  oneTime: { wasmLoadMs, librariesMs },
  perChallenge: rows,
  overall: {
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    gradesPerSecond: (all.length / totalMs) * 1000,
    referenceFailures: failures,
  },
  check: { wallMs: checkMs, checks: check.checks, problems: check.problems.length },
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`
console.log(`one-time: wasm ${fmt(wasmLoadMs)}, library bundle ${fmt(librariesMs)}`)
console.log(`${'challenge'.padEnd(44)} ${'p50'.padStart(10)} ${'p95'.padStart(10)}`)
for (const row of rows)
  console.log(`${row.challenge.padEnd(44)} ${fmt(row.p50).padStart(10)} ${fmt(row.p95).padStart(10)}`)
console.log(
  `${'all references'.padEnd(44)} ${fmt(results.overall.p50Ms).padStart(10)} ${fmt(results.overall.p95Ms).padStart(10)}`,
)
console.log(
  `throughput: ${results.overall.gradesPerSecond.toFixed(1)} grades/s (${failures} reference failures)`,
)
console.log(
  `gradschool check: ${fmt(checkMs)} for ${check.checks} checks (${check.problems.length} problems)`,
)

const dir = join(import.meta.dirname, 'results')
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
