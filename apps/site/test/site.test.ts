import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Challenge, Course, Submission } from '@gradschool/course'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaticServer } from '../scripts/static-server.mjs'
import { fixtureCourse, rightAnswer, wrongAnswer } from './answers.js'
import { launchBrowser, serveBuiltSite } from './browser.js'
import { gradeBundleWithCli } from './cli.js'
import { check, enter, xpTotal } from './learner.js'
import { SITE_DIR, TEST_DIST } from './site-paths.js'

let browser: Browser
let server: StaticServer
let course: Course

beforeAll(async () => {
  course = await fixtureCourse()
  server = await serveBuiltSite()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const lesson = () => course.lessons[0]!
const lessonUrl = () => `${server.url}/lessons/${lesson().slug}/`
const challengeOf = (kind: Challenge['kind']) => lesson().challenges.find((c) => c.kind === kind)!
const section = (page: Page, challenge: Challenge) => page.locator(`[data-challenge="${challenge.id}"]`)

describe('lesson page', () => {
  it('shows the lesson, its position and its details', async () => {
    const page = await browser.newPage()
    await page.goto(lessonUrl())
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(lesson().title)
    expect(await page.locator('.lesson-nav').first().textContent()).toContain(
      `lesson 1 / ${course.lessons.length}`,
    )
    expect(await page.locator('.lesson .meta').textContent()).toContain(`${lesson().minutes} min`)
    for (const kind of ['implement', 'fix-bug', 'fill-in', 'reorder', 'predict-output'] as const)
      expect(await section(page, challengeOf(kind)).count()).toBe(1)
    await page.close()
  })

  it('runs a code block in a worker and shows what it printed', async () => {
    const page = await browser.newPage()
    await page.goto(lessonUrl())
    const runnable = lesson().codeBlocks.filter((b) => b.runnable)
    const index = runnable.findIndex((b) => b.expectedOutput !== undefined)
    expect(index).toBeGreaterThanOrEqual(0)
    const runner = page.locator('[data-runner]').nth(index)
    await runner.getByRole('button', { name: 'Run' }).click()
    const output = runner.locator('[data-output]')
    await expect
      .poll(async () => (await output.textContent())?.trim(), { timeout: 30_000 })
      .toBe(runnable[index]!.expectedOutput!.trim())
    await page.close()
  })

  it('reports a runtime error with its line number', async () => {
    const page = await browser.newPage()
    await page.goto(lessonUrl())
    // Turn the first block into one that throws on its third line.
    await page
      .locator('[data-runner] [data-code]')
      .first()
      .evaluate((code) => {
        code.textContent = 'const a = 1\nconsole.log(a)\nthrow new Error("boom")'
      })
    const runner = page.locator('[data-runner]').first()
    await runner.getByRole('button', { name: 'Run' }).click()
    await expect
      .poll(async () => runner.locator('[data-output]').textContent(), { timeout: 30_000 })
      .toBe('1\nLine 3: Error: boom\n')
    await page.close()
  })

  it('grades one challenge of every kind wrongly, then rightly, awards XP and keeps it after a reload', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(lessonUrl())
    expect(await xpTotal(page)).toBe(0)
    let expectedXp = 0
    for (const kind of ['implement', 'fix-bug', 'fill-in', 'reorder', 'predict-output'] as const) {
      const challenge = challengeOf(kind)
      const box = section(page, challenge)
      const wrong = wrongAnswer(challenge)
      if (wrong !== 'as-shown') await enter(page, box, wrong)
      const failed = await check(box)
      expect(failed.passed, `${challenge.id} wrong answer: ${failed.text}`).toBe(false)
      expect(failed.text.length).toBeGreaterThan(0)
      expect(await xpTotal(page)).toBe(expectedXp)

      await enter(page, box, rightAnswer(challenge))
      const passed = await check(box)
      expect(passed.passed, `${challenge.id} right answer: ${passed.text}`).toBe(true)
      // Passed on the second attempt without hints: exactly the challenge's XP, no bonus.
      expect(passed.xp).toBe(`+${challenge.xp} XP`)
      expectedXp += challenge.xp
      expect(await xpTotal(page)).toBe(expectedXp)
    }
    await page.reload()
    expect(await xpTotal(page)).toBe(expectedXp)
    await page.goto(`${server.url}/`)
    expect(await xpTotal(page)).toBe(expectedXp)
    await context.close()
  })

  it('reports a corrupt progress store, keeps it aside and still works', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    await page.evaluate(() => localStorage.setItem('gradschool.progress', '{broken'))
    await page.reload()
    const alert = page.getByRole('alert')
    expect(await alert.textContent()).toContain('could not be read')
    expect(await xpTotal(page)).toBe(0)
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('gradschool.progress.corrupt.'))
        .map((key) => localStorage.getItem(key)),
    )
    expect(kept).toEqual(['{broken'])
    await context.close()
  })
})

describe('page weight', () => {
  it('loads at most 60 KB of gzipped JavaScript on a lesson page before any interaction', () => {
    // measure-js exits non-zero when a lesson page is over budget.
    const out = execFileSync(process.execPath, ['scripts/measure-js.mjs', TEST_DIST, '--budget-kb', '60'], {
      cwd: SITE_DIR,
      encoding: 'utf8',
    })
    expect(out).toMatch(/largest: [\d.]+ KB \(budget 60 KB\)/)
  })
})

describe('playground', () => {
  it('draws a decision boundary and its loss falls while training', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/playground/`)
    const root = page.locator('[data-playground]')
    await expect.poll(async () => root.getAttribute('data-train-loss')).not.toBeNull()
    const before = Number(await root.getAttribute('data-train-loss'))
    await page.getByRole('button', { name: 'Play' }).click()
    await expect
      .poll(async () => Number(await root.getAttribute('data-step')), { timeout: 30_000 })
      .toBeGreaterThan(300)
    await page.getByRole('button', { name: 'Pause' }).click()
    const after = Number(await root.getAttribute('data-train-loss'))
    expect(after).toBeLessThan(before * 0.8)
    // Both classes' colours (blue for 0, orange for 1) appear on the boundary canvas.
    const colours = await page.locator('canvas[data-boundary]').evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let blue = 0
      let orange = 0
      for (let i = 0; i < data.length; i += 4) {
        const red = data[i]!
        const bluePart = data[i + 2]!
        if (bluePart - red > 60) blue++
        if (red - bluePart > 60) orange++
      }
      return { blue, orange }
    })
    expect(colours.blue).toBeGreaterThan(1000)
    expect(colours.orange).toBeGreaterThan(1000)
    await page.close()
  })
})

describe('export', () => {
  it('exports a bundle that the CLI grades to the same verdicts and XP', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(lessonUrl())
    // The implement challenge passes only on the second try; every other one on the first.
    const retried = challengeOf('implement')
    const retriedBox = section(page, retried)
    await enter(page, retriedBox, wrongAnswer(retried) as Submission)
    expect((await check(retriedBox)).passed).toBe(false)
    for (const challenge of lesson().challenges) {
      const box = section(page, challenge)
      await enter(page, box, rightAnswer(challenge))
      expect((await check(box)).passed).toBe(true)
    }
    const siteXp = await xpTotal(page)
    // First-try passes earn the bonus, round(xp × 1.2); the retried one earns its plain xp.
    expect(siteXp).toBe(
      lesson().challenges.reduce((sum, c) => sum + (c === retried ? c.xp : Math.round(c.xp * 1.2)), 0),
    )

    await page.goto(`${server.url}/progress/`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    const file = join(mkdtempSync(join(tmpdir(), 'gradschool-bundle-')), 'bundle.json')
    await download.saveAs(file)
    expect(JSON.parse(readFileSync(file, 'utf8')).studentId).toBe('anonymous')

    const report = gradeBundleWithCli(file)
    expect(report.tests.map((t) => t.gradschool.verdict)).toEqual(lesson().challenges.map(() => 'pass'))
    expect(report.gradschool.totalXp).toBe(siteXp)
    await context.close()
  })
})
