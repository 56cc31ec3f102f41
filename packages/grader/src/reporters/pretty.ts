import pc from 'picocolors'
import type { Report } from './report.js'
import { counts } from './report.js'

const MARK = {
  pass: pc.green('✓'),
  fail: pc.red('✗'),
  error: pc.red('!'),
  timeout: pc.yellow('⏱'),
  memory: pc.yellow('▲'),
}

/** The coloured terminal report. */
export function toPretty(report: Report): string {
  const lines: string[] = []
  for (const { verdict, xpAwarded, file } of report.items) {
    const xp = xpAwarded > 0 ? pc.green(` +${xpAwarded} XP`) : ''
    const status = verdict.status === 'pass' ? '' : ` ${pc.red(verdict.status)}`
    lines.push(`${MARK[verdict.status]} ${pc.bold(verdict.challengeId)}${status}${xp}`)
    if (verdict.status !== 'pass') {
      if (file) lines.push(pc.dim(`    ${file}`))
      for (const line of verdict.message.split('\n')) lines.push(`    ${line}`)
      if (verdict.explanation) lines.push(pc.dim(`    ${verdict.explanation}`))
      if (verdict.output) {
        lines.push(pc.dim('    your program printed:'))
        for (const line of verdict.output.trimEnd().split('\n').slice(0, 10))
          lines.push(pc.dim(`    │ ${line}`))
      }
    }
  }
  const { passed, failed } = counts(report)
  const level = report.level.level
    ? ` · ${report.level.level.name}${report.level.next ? ` (${report.level.toNext} XP to ${report.level.next.name})` : ''}`
    : ''
  lines.push('')
  lines.push(
    `${pc.green(`${passed} passed`)}, ${failed > 0 ? pc.red(`${failed} not passed`) : '0 not passed'} · ${report.totalXp} XP${level}`,
  )
  return lines.join('\n')
}
