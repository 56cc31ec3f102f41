import type { CourseIssue } from './types.js'

/** `exercises/02-the-neuron/sigmoid-neuron/challenge.yaml:7: field \`xp\`: expected a positive integer, got -5` */
export function formatIssue(issue: CourseIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`
  const field = issue.field === undefined ? '' : `field \`${issue.field}\`: `
  return `${where}: ${field}${issue.message}`
}

/** A zod/YAML path as the dotted form instructors read: `hints[1]`, `questions[0].answer`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else text += text === '' ? String(key) : `.${String(key)}`
  }
  return text
}

/** A value shown in a message, short enough to read. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (typeof value !== 'object') return String(value)
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Collects issues for one file, so checks only say what is wrong. */
export class IssueList {
  readonly items: CourseIssue[] = []

  add(file: string, message: string, where: { field?: string; line?: number | undefined } = {}): void {
    const issue: CourseIssue = { file, message }
    if (where.field !== undefined) issue.field = where.field
    if (where.line !== undefined) issue.line = where.line
    this.items.push(issue)
  }

  push(...issues: CourseIssue[]): void {
    this.items.push(...issues)
  }
}
