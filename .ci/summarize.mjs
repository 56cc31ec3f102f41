// Sums every package's vitest JSON report into one plain line: "N passed, N failed".
// A package whose test script produced no report, or a test file that failed to load,
// counts as a failure; skipped tests are not counted as passed.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

let passed = 0
let failed = 0
const problems = []
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue
  for (const name of readdirSync(group)) {
    const dir = join(group, name)
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest)) continue
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'))
    if (!pkg.scripts?.test) continue
    const report = join(dir, 'test-results.json')
    if (!existsSync(report)) {
      failed += 1
      problems.push(`${pkg.name}: no test report (the test run crashed or did not start)`)
      continue
    }
    const r = JSON.parse(readFileSync(report, 'utf8'))
    passed += r.numPassedTests
    failed += r.numFailedTests
    const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0)
    failed += brokenFiles.length
    for (const f of brokenFiles) problems.push(`${f.name}: ${String(f.message).split('\n')[0]}`)
    if (r.numTotalTests === 0) {
      failed += 1
      problems.push(`${pkg.name}: no tests ran`)
    }
  }
}
for (const p of problems) console.error(p)
if (passed + failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
