import type { VerdictStatus } from '../grading/verdict.js'
import type { Report } from './report.js'

/** An Exercism test-runner results.json (version 3), plus gradschool's XP fields. */
export interface ResultsJson {
  version: 3
  status: 'pass' | 'fail' | 'error'
  message?: string
  tests: {
    name: string
    status: 'pass' | 'fail' | 'error'
    message?: string
    output?: string
    test_code: string
    task_id?: number
    gradschool: {
      challengeId: string
      kind: string
      verdict: VerdictStatus
      xpAwarded: number
      seed?: number
      path?: string
    }
  }[]
  gradschool: {
    studentId: string
    xpAwarded: number
    totalXp: number
    level: string | null
    nextLevel: string | null
    xpToNextLevel: number
  }
}

/** Exercism statuses: timeouts and memory exhaustion are errors while running a test. */
function exercismStatus(status: VerdictStatus): 'pass' | 'fail' | 'error' {
  return status === 'pass' ? 'pass' : status === 'fail' ? 'fail' : 'error'
}

export function toResultsJson(report: Report): ResultsJson {
  const tests = report.items.map(({ verdict, file, xpAwarded }) => {
    const test: ResultsJson['tests'][number] = {
      name: verdict.challengeId,
      status: exercismStatus(verdict.status),
      test_code: verdict.counterexample?.call ?? file ?? verdict.challengeId,
      gradschool: {
        challengeId: verdict.challengeId,
        kind: verdict.kind,
        verdict: verdict.status,
        xpAwarded,
      },
    }
    if (verdict.status !== 'pass') test.message = verdict.message
    if (verdict.output) test.output = verdict.output.slice(0, 500)
    if (verdict.replay) {
      test.gradschool.seed = verdict.replay.seed
      if (verdict.replay.path) test.gradschool.path = verdict.replay.path
    }
    return test
  })
  const allPass = tests.every((test) => test.status === 'pass')
  const results: ResultsJson = {
    version: 3,
    status: tests.length === 0 ? 'error' : allPass ? 'pass' : 'fail',
    tests,
    gradschool: {
      studentId: report.studentId,
      xpAwarded: report.items.reduce((sum, item) => sum + item.xpAwarded, 0),
      totalXp: report.totalXp,
      level: report.level.level?.name ?? null,
      nextLevel: report.level.next?.name ?? null,
      xpToNextLevel: report.level.toNext,
    },
  }
  if (tests.length === 0) results.message = 'Nothing was graded: no work files or submissions were found.'
  return results
}
