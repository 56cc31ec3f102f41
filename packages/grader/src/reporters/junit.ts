import type { Report } from './report.js'

/** JUnit XML: one testsuite per lesson, one testcase per challenge; non-passes carry the message. */
export function toJUnitXml(report: Report): string {
  const byLesson = new Map<string, Report['items']>()
  for (const item of report.items) {
    const lesson = item.verdict.challengeId.split('/')[0] ?? 'course'
    byLesson.set(lesson, [...(byLesson.get(lesson) ?? []), item])
  }
  const suites = [...byLesson].map(([lesson, items]) => {
    const failures = items.filter((item) => item.verdict.status === 'fail').length
    const errors = items.filter((item) => !['pass', 'fail'].includes(item.verdict.status)).length
    const cases = items.map(({ verdict, file }) => {
      const open = `    <testcase classname="${xml(lesson)}" name="${xml(verdict.challengeId)}"${file ? ` file="${xml(file)}"` : ''}`
      if (verdict.status === 'pass') return `${open}/>`
      const tag = verdict.status === 'fail' ? 'failure' : 'error'
      const output = verdict.output ? `\n      <system-out>${xml(verdict.output)}</system-out>` : ''
      return `${open}>\n      <${tag} message="${xml(firstLine(verdict.message))}" type="${verdict.status}">${xml(verdict.message)}</${tag}>${output}\n    </testcase>`
    })
    return `  <testsuite name="${xml(lesson)}" tests="${items.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`
  })
  const total = report.items.length
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gradschool" tests="${total}">\n${suites.join('\n')}\n</testsuites>\n`
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}
