import type { Report } from './report.js'
import { counts } from './report.js'

/** Workflow-command escaping (GitHub Actions): data and property values differ. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::error file=…,line=…,col=…,title=…::message` for every non-pass. */
export function toGithubAnnotations(report: Report): string[] {
  return report.items
    .filter((item) => item.verdict.status !== 'pass')
    .map(({ verdict, file }) => {
      const properties: string[] = []
      const location = verdict.location
      const target = location?.file ?? file
      if (target) properties.push(`file=${escapeProperty(target)}`)
      if (location) {
        properties.push(`line=${location.line}`)
        if (location.column) properties.push(`col=${location.column}`)
      }
      properties.push(`title=${escapeProperty(`${verdict.challengeId}: ${verdict.status}`)}`)
      return `::error ${properties.join(',')}::${escapeData(verdict.message)}`
    })
}

/** The Markdown appended to $GITHUB_STEP_SUMMARY. */
export function toStepSummary(report: Report): string {
  const { passed, failed } = counts(report)
  const icon = { pass: '✅', fail: '❌', error: '💥', timeout: '⏱️', memory: '🧠' }
  const rows = report.items.map(({ verdict, xpAwarded }) => {
    const message = verdict.status === 'pass' ? '' : verdict.message.split('\n')[0]!.replace(/\|/g, '\\|')
    return `| ${icon[verdict.status]} | \`${verdict.challengeId}\` | ${verdict.status} | ${xpAwarded} | ${message} |`
  })
  const level = report.level.level ? ` · level **${report.level.level.name}**` : ''
  return [
    `### gradschool: ${passed} passed, ${failed} not passed`,
    '',
    `Student \`${report.studentId}\` · **${report.totalXp} XP**${level}`,
    '',
    '| | challenge | verdict | XP | message |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}
