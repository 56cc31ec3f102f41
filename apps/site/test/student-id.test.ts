/**
 * A learner's own student id: set on the progress page, it gives them their variant of every
 * parametrised challenge and reorder puzzle, graded in the browser exactly as the CLI grades it.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Challenge, type Course, renderVariant, type Submission, shuffleLines } from '@gradschool/course'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StaticServer } from '../scripts/static-server.mjs'
import { fixtureCourse, printedOutput, rightAnswer, STUDENT } from './answers.js'
import { launchBrowser, serveBuiltSite } from './browser.js'
import { gradeBundleWithCli } from './cli.js'
import { check, enter, xpTotal } from './learner.js'

/** An id whose variants of the fixture's challenges differ from anonymous's (checked below). */
const STUDENT_ID = 'ada.lovelace'

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
const challenge = (slug: string) => lesson().challenges.find((c) => c.slug === slug)!
const section = (page: Page, c: Challenge) => page.locator(`[data-challenge="${c.id}"]`)
const leakyRelu = () => challenge('leaky-relu')
const reluByHand = () => challenge('relu-by-hand')
const neuronSteps = () => challenge('neuron-steps')
/** The challenges whose page content depends on the student id. */
const perStudent = () =>
  lesson().challenges.filter((c) => Object.keys(c.params).length > 0 || c.kind === 'reorder')

const idField = (page: Page) => page.getByRole('textbox', { name: 'Student id' })
const storedStudentId = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('gradschool.progress')
    return raw === null ? null : (JSON.parse(raw) as { studentId: string }).studentId
  })

async function setStudentId(page: Page, typed: string): Promise<void> {
  await page.goto(`${server.url}/progress/`)
  await idField(page).fill(typed)
  await page.getByRole('button', { name: 'Save' }).click()
}

/** Opens the lesson and waits until every id-dependent challenge shows `studentId`'s variant. */
async function openLessonAs(page: Page, studentId: string): Promise<void> {
  await page.goto(lessonUrl())
  for (const c of perStudent())
    await expect
      .poll(async () => section(page, c).getAttribute('data-student-variant'), { timeout: 30_000 })
      .toBe(studentId)
}

const shownLines = (page: Page, c: Challenge) =>
  section(page, c)
    .locator('[data-reorder] li')
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.line))

describe('the student id field on the progress page', () => {
  it('starts as anonymous, refuses a blank or malformed id with a visible error, and saves a valid one trimmed', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/progress/`)
    expect(await idField(page).inputValue()).toBe('anonymous')
    const error = page.locator('#student-id-error')

    await setStudentId(page, '   ')
    expect(await error.isVisible()).toBe(true)
    expect(await error.textContent()).toBe('Enter the student id your instructor gave you.')
    expect(await idField(page).getAttribute('aria-invalid')).toBe('true')
    expect(await storedStudentId(page)).toBeNull()

    await idField(page).fill('ada lovelace')
    await page.getByRole('button', { name: 'Save' }).click()
    expect(await error.textContent()).toContain('it contains a space')
    expect(await storedStudentId(page)).toBeNull()

    await idField(page).fill(`  ${STUDENT_ID} `)
    await page.getByRole('button', { name: 'Save' }).click()
    expect(await error.isVisible()).toBe(false)
    expect(await idField(page).inputValue()).toBe(STUDENT_ID)
    expect(await storedStudentId(page)).toBe(STUDENT_ID)

    await page.reload()
    expect(await idField(page).inputValue()).toBe(STUDENT_ID)
    await context.close()
  })
})

describe('a lesson for a learner with their own student id', () => {
  it('differs from the anonymous variant in the fixture (the premise of these tests)', () => {
    expect(renderVariant(leakyRelu(), STUDENT_ID).params.slope).not.toBe(
      renderVariant(leakyRelu(), STUDENT).params.slope,
    )
    expect(printedOutput(renderVariant(reluByHand(), STUDENT_ID).program!)).not.toBe(
      printedOutput(renderVariant(reluByHand(), STUDENT).program!),
    )
    expect(shuffleLines(neuronSteps(), STUDENT_ID)).not.toEqual(shuffleLines(neuronSteps(), STUDENT))
  })

  it('shows exactly that learner’s prompt, starter, program and shuffled lines', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await setStudentId(page, STUDENT_ID)
    await openLessonAs(page, STUDENT_ID)

    const leaky = renderVariant(leakyRelu(), STUDENT_ID)
    const leakyBox = section(page, leakyRelu())
    expect(await leakyBox.locator('[data-prompt] strong').textContent()).toBe(String(leaky.params.slope))
    expect(await leakyBox.getByRole('textbox', { name: 'Your code' }).inputValue()).toBe(leaky.starter)

    const program = renderVariant(reluByHand(), STUDENT_ID).program!
    expect(await section(page, reluByHand()).locator('pre code').textContent()).toBe(program)

    expect(await shownLines(page, neuronSteps())).toEqual(shuffleLines(neuronSteps(), STUDENT_ID))

    // The code a learner edits in the editor is their variant's starter too.
    await leakyBox.getByRole('textbox', { name: 'Your code' }).click()
    await leakyBox.locator('.cm-content').waitFor()
    const editorLines = await leakyBox.locator('.cm-line').allTextContents()
    expect(editorLines.join('\n')).toBe(leaky.starter)

    // Challenges without params are the same for everyone and are left as built.
    for (const c of lesson().challenges.filter((c) => !perStudent().includes(c)))
      expect(await section(page, c).getAttribute('data-student-variant')).toBeNull()
    await context.close()
  })

  it('grades that learner’s variant, with the XP the CLI gives the exported bundle', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    await setStudentId(page, STUDENT_ID)
    await openLessonAs(page, STUDENT_ID)

    // Anonymous's right answers are wrong for this learner: the grader uses their variant and spec.
    const retried = [leakyRelu(), reluByHand()]
    for (const c of retried) {
      const box = section(page, c)
      await enter(page, box, rightAnswer(c, STUDENT))
      const failed = await check(box)
      expect(failed.passed, `${c.id} with anonymous's answer: ${failed.text}`).toBe(false)
    }
    for (const c of lesson().challenges) {
      const box = section(page, c)
      await enter(page, box, rightAnswer(c, STUDENT_ID))
      const passed = await check(box)
      expect(passed.passed, `${c.id}: ${passed.text}`).toBe(true)
    }
    const siteXp = await xpTotal(page)
    // First-try passes earn the bonus, round(xp × 1.2); the retried ones earn their plain xp.
    expect(siteXp).toBe(
      lesson().challenges.reduce((sum, c) => sum + (retried.includes(c) ? c.xp : Math.round(c.xp * 1.2)), 0),
    )

    await page.goto(`${server.url}/progress/`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    const file = join(mkdtempSync(join(tmpdir(), 'gradschool-bundle-')), 'bundle.json')
    await download.saveAs(file)
    expect(JSON.parse(readFileSync(file, 'utf8')).studentId).toBe(STUDENT_ID)

    const report = gradeBundleWithCli(file)
    expect(report.gradschool.studentId).toBe(STUDENT_ID)
    expect(report.tests.map((t) => t.gradschool.verdict)).toEqual(lesson().challenges.map(() => 'pass'))
    expect(report.gradschool.totalXp).toBe(siteXp)
    await context.close()
  })

  it('keeps saved work: the learner’s own code and order of lines stay after the id changes', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(lessonUrl())
    // As anonymous: edit the fix-bug code and move one reorder line, and check both (saving them).
    const ownCode: Submission = {
      kind: 'fix-bug',
      code: `// my own attempt\n${renderVariant(leakyRelu(), STUDENT).starter}`,
    }
    await enter(page, section(page, leakyRelu()), ownCode)
    expect((await check(section(page, leakyRelu()))).passed).toBe(false)
    const anonymousLines = shuffleLines(neuronSteps(), STUDENT)
    const ownOrder: Submission = {
      kind: 'reorder',
      lines: [anonymousLines[1]!, anonymousLines[0]!, ...anonymousLines.slice(2)],
    }
    await enter(page, section(page, neuronSteps()), ownOrder)
    expect((await check(section(page, neuronSteps()))).passed).toBe(false)

    await setStudentId(page, STUDENT_ID)
    await openLessonAs(page, STUDENT_ID)
    const leakyBox = section(page, leakyRelu())
    expect(await leakyBox.getByRole('textbox', { name: 'Your code' }).inputValue()).toBe(ownCode.code)
    expect(await shownLines(page, neuronSteps())).toEqual(ownOrder.lines)
    // The prompt is this learner's: their slope is the one graded.
    expect(await leakyBox.locator('[data-prompt] strong').textContent()).toBe(
      String(renderVariant(leakyRelu(), STUDENT_ID).params.slope),
    )
    await context.close()
  })

  it('says so, and does not grade, when the learner’s variant cannot be loaded', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await setStudentId(page, STUDENT_ID)
    await page.route('**/variants.json', (route) => route.fulfill({ status: 503, body: 'down' }))
    await page.goto(lessonUrl())
    const box = section(page, leakyRelu())
    await expect
      .poll(async () => box.locator('[data-verdict]').textContent(), { timeout: 30_000 })
      .toContain('could not be shown')
    expect(await box.locator('[data-verdict]').textContent()).toContain('HTTP 503')
    expect(await box.getByRole('button', { name: 'Check', exact: true }).isDisabled()).toBe(true)
    expect(await box.getAttribute('data-student-variant')).toBeNull()
    await context.close()
  })

  it('fetches only the per-student challenges, without specs or other references', async () => {
    const response = await fetch(`${server.url}/variants.json`)
    const sources = (await response.json()) as Record<string, Challenge>
    expect(Object.keys(sources).sort()).toEqual(
      perStudent()
        .map((c) => c.id)
        .sort(),
    )
    for (const c of Object.values(sources)) {
      expect(c.spec).toBeUndefined()
      expect(c.reference.text === '').toBe(c.kind !== 'reorder')
    }
  })

  it('leaves an anonymous learner’s page as built, without loading the variant renderer', async () => {
    const context: BrowserContext = await browser.newContext()
    const page = await context.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    await page.goto(lessonUrl(), { waitUntil: 'networkidle' })
    expect(requested.filter((url) => /student-variant|variants\.json/.test(url))).toEqual([])
    for (const c of perStudent())
      expect(await section(page, c).getAttribute('data-student-variant')).toBeNull()
    expect(await shownLines(page, neuronSteps())).toEqual(shuffleLines(neuronSteps(), STUDENT))
    expect(await section(page, reluByHand()).locator('pre code').textContent()).toBe(
      renderVariant(reluByHand(), STUDENT).program,
    )
    await context.close()
  })
})
