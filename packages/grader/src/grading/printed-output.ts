/**
 * Comparing a predicted output with what a program really printed: whitespace is normalised
 * (runs of spaces collapse, lines are trimmed, blank lines at the end ignored) and numbers are
 * compared at the precision the program printed them with, so `0.50` matches `0.5` and `0.2689`
 * matches a printed `0.2689` but not `0.27`.
 */

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g

export interface OutputDifference {
  /** 1-based line of the program's output. */
  line: number
  expected: string
  actual: string
}

export function normalizeWhitespace(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  while (lines.length > 0 && lines[0] === '') lines.shift()
  return lines
}

/** The first line where the prediction differs from the printed output, or null when they match. */
export function comparePrintedOutput(printed: string, predicted: string): OutputDifference | null {
  const expectedLines = normalizeWhitespace(printed)
  const actualLines = normalizeWhitespace(predicted)
  const count = Math.max(expectedLines.length, actualLines.length)
  for (let i = 0; i < count; i++) {
    const expected = expectedLines[i]
    const actual = actualLines[i]
    if (expected === undefined || actual === undefined || !linesMatch(expected, actual)) {
      return { line: i + 1, expected: expected ?? '(nothing)', actual: actual ?? '(nothing)' }
    }
  }
  return null
}

function linesMatch(expected: string, actual: string): boolean {
  const expectedParts = split(expected)
  const actualParts = split(actual)
  if (expectedParts.text.join('\u0000') !== actualParts.text.join('\u0000')) return false
  if (expectedParts.numbers.length !== actualParts.numbers.length) return false
  return expectedParts.numbers.every((token, i) => numbersMatch(token, actualParts.numbers[i]!))
}

function split(line: string): { text: string[]; numbers: string[] } {
  return { text: line.split(NUMBER), numbers: line.match(NUMBER) ?? [] }
}

/** Half a unit in the last printed digit of `printed` (plus a hair for binary rounding). */
function numbersMatch(printed: string, predicted: string): boolean {
  const expected = Number(printed)
  const actual = Number(predicted)
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return printed === predicted
  const [mantissa = '', exponent = '0'] = printed.toLowerCase().split('e')
  const decimals = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0
  const unit = 10 ** (Number(exponent) - decimals)
  return Math.abs(actual - expected) <= unit / 2 + Math.abs(expected) * 1e-12
}
