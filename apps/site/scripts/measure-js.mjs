#!/usr/bin/env node
/**
 * Measures the JavaScript every lesson page loads before the learner interacts: serves dist/,
 * opens each lesson in Chromium, waits for the network to go idle, and sums the gzip size of
 * every script it fetched (inline scripts included). Exits 1 when a page exceeds the budget.
 *
 *   node scripts/measure-js.mjs [distDir] [--budget-kb 60]
 */
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { serveStatic } from './static-server.mjs'

const args = process.argv.slice(2)
const budgetIndex = args.indexOf('--budget-kb')
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 60
// The first argument that is neither a flag nor the budget's value (the budget may be absent).
const dist = resolve(
  args.find((arg, i) => !arg.startsWith('--') && (budgetIndex < 0 || i !== budgetIndex + 1)) ?? 'dist',
)

const lessons = readdirSync(join(dist, 'lessons'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/lessons/${entry.name}/`)

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
let worst = 0
try {
  for (const path of lessons) {
    const page = await browser.newPage()
    const scripts = []
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.body().then((body) => ({ url: response.url(), body })))
    })
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
    const inline = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script:not([src])'))
        .filter((s) => !s.type || s.type === 'module' || s.type === 'text/javascript')
        .map((s) => s.textContent ?? ''),
    )
    const fetched = await Promise.all(scripts)
    const bytes =
      fetched.reduce((sum, { body }) => sum + gzipSync(body).length, 0) +
      inline.reduce((sum, text) => sum + gzipSync(text).length, 0)
    worst = Math.max(worst, bytes)
    console.log(
      `${path.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(6)} KB gzipped JS (${fetched.length} files, ${inline.length} inline)`,
    )
    await page.close()
  }
} finally {
  await browser.close()
  await server.close()
}
console.log(`largest: ${(worst / 1024).toFixed(1)} KB (budget ${budgetKb} KB)`)
process.exitCode = worst > budgetKb * 1024 ? 1 : 0
