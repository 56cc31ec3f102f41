/** The grader's command line, run on the fixture course as a learner or CI would run it. */
import { execFileSync } from 'node:child_process'
import { FIXTURE_ROOT, REPO_ROOT } from './site-paths.js'

export interface CliReport {
  tests: { gradschool: { challengeId: string; verdict: string } }[]
  gradschool: { studentId: string; totalXp: number }
}

/** `gradschool grade --bundle <file> --reporter json`: the verdicts and XP the CLI gives a bundle. */
export function gradeBundleWithCli(file: string): CliReport {
  const stdout = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/grader/src/cli/bin.ts',
      'grade',
      '--root',
      FIXTURE_ROOT,
      '--exercises',
      'course',
      '--bundle',
      file,
      '--reporter',
      'json',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  )
  return JSON.parse(stdout) as CliReport
}
