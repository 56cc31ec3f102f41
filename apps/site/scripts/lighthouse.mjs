/**
 * Lighthouse on a built lesson page with Debian's Chromium (never a downloaded browser):
 * prints the performance and accessibility scores and fails below the course's bar (95).
 * Usage: node scripts/lighthouse.mjs [dist] [/lessons/the-neuron/]
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { serveStatic } from './static-server.mjs'

const dist = resolve(process.argv[2] ?? 'dist')
const page = process.argv[3] ?? '/lessons/the-neuron/'
const chromium = '/usr/bin/chromium'
const BAR = 95

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist} has no built site: run \`pnpm build\` first`)
  process.exit(2)
}
if (!existsSync(chromium)) {
  console.error(`${chromium} is missing: install Debian's chromium (apt-get install -y chromium)`)
  process.exit(2)
}

const server = await serveStatic(dist)
const report = join(mkdtempSync(join(tmpdir(), 'gradschool-lighthouse-')), 'report.json')
try {
  // Asynchronous: the static server answers from this same process while Lighthouse runs.
  await promisify(execFile)(
    resolve('node_modules/.bin/lighthouse'),
    [
      `${server.url}${page}`,
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${report}`,
      `--chrome-path=${chromium}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      '--quiet',
    ],
    { maxBuffer: 64 * 2 ** 20 },
  )
} finally {
  await server.close()
}
const { categories } = JSON.parse(readFileSync(report, 'utf8'))
const scores = {
  performance: Math.round(categories.performance.score * 100),
  accessibility: Math.round(categories.accessibility.score * 100),
}
console.log(`${page}: performance ${scores.performance}, accessibility ${scores.accessibility}`)
process.exit(Object.values(scores).every((score) => score >= BAR) ? 0 : 1)
