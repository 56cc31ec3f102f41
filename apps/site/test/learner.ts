/** What a learner does on a lesson page, driven through the page as they would. */
import type { Submission } from '@gradschool/course'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

export async function xpTotal(page: Page): Promise<number> {
  return Number(await page.getByLabel('XP total').first().textContent())
}

/** Enters an answer the way a learner does: editor, blanks, prediction box, keyboard reordering. */
export async function enter(page: Page, box: Locator, submission: Submission): Promise<void> {
  switch (submission.kind) {
    case 'implement':
    case 'fix-bug': {
      await box.getByRole('textbox', { name: 'Your code' }).click()
      await box.locator('.cm-content').waitFor()
      await box.getByRole('textbox', { name: 'Your code' }).fill(submission.code)
      return
    }
    case 'fill-in':
      for (const [id, text] of Object.entries(submission.blanks))
        await box.locator(`[data-blank="${id}"]`).fill(text)
      return
    case 'predict-output':
      await box.getByRole('textbox', { name: 'What does it print?' }).fill(submission.output)
      return
    case 'reorder': {
      const items = box.locator('[data-reorder] li')
      for (let target = 0; target < submission.lines.length; target++) {
        const current = await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line))
        const from = current.indexOf(submission.lines[target], target)
        await items.nth(from).focus()
        for (let k = from; k > target; k--) await page.keyboard.press('ArrowUp')
      }
      const order = await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line))
      expect(order).toEqual(submission.lines)
      return
    }
  }
}

export async function check(box: Locator): Promise<{ passed: boolean; text: string; xp: string }> {
  await box.getByRole('button', { name: 'Check', exact: true }).click()
  const verdict = box.locator('[data-verdict]')
  await expect.poll(async () => verdict.getAttribute('class'), { timeout: 60_000 }).toMatch(/\b(pass|fail)\b/)
  return {
    passed: (await verdict.getAttribute('class'))!.includes('pass'),
    text: (await verdict.textContent()) ?? '',
    xp: (await box.locator('[data-xp-awarded]').textContent()) ?? '',
  }
}
