/**
 * `pnpm bench` for the site: the playground's frame rate while training a 2-8-8-1 network in
 * Debian's Chromium (target ≥ 30 frames/s), and the JavaScript a lesson page loads before any
 * interaction (budget 60 KB gzipped). Builds the site first when dist/ is missing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { serveStatic } from '../scripts/static-server.mjs'

const dist = resolve('dist')
if (!existsSync(join(dist, 'index.html'))) execFileSync('npx', ['astro', 'build'], { stdio: 'inherit' })

const server = await serveStatic(dist)
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  const page = await browser.newPage()
  await page.goto(`${server.url}/playground/`)
  const root = page.locator('[data-playground]')
  await page.selectOption('select[name="layers"]', '2')
  await page.selectOption('select[name="neurons"]', '8')
  await page.getByRole('button', { name: 'Reset' }).click()
  await page.getByRole('button', { name: 'Play' }).click()
  await page.waitForTimeout(2000)
  const samples = []
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(1000)
    samples.push(Number(await root.getAttribute('data-fps')))
  }
  const steps = Number(await root.getAttribute('data-step'))
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]
  const js = execFileSync('node', ['scripts/measure-js.mjs', 'dist'], { encoding: 'utf8' }).trim()
  const table = [
    '| work | measured | target |',
    '| --- | --- | --- |',
    `| playground 2-8-8-1, frames/s (median of 8 one-second samples) | ${median} | ≥ 30 |`,
    `| playground training steps in 10 s | ${steps} | – |`,
  ].join('\n')
  console.log(`${table}\n\n${js}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/site.md', `# Site benchmark\n\n${table}\n\n${js}\n`)
} finally {
  await browser.close()
  await server.close()
}
