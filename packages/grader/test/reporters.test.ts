import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { verdict } from '../src/grading/verdict.js'
import { type Report, toGithubAnnotations, toJUnitXml, toResultsJson, toStepSummary } from '../src/index.js'

const level = { level: { name: 'Undergrad', xp: 0 }, next: { name: 'Masters', xp: 150 }, toNext: 126 }
const report: Report = {
  studentId: 'ada',
  totalXp: 24,
  level,
  items: [
    {
      verdict: verdict(
        'the-neuron/sigmoid-neuron',
        'implement',
        'pass',
        'All 100 generated inputs behave like the reference.',
      ),
      file: 'work/the-neuron/sigmoid-neuron.ts',
      xpAwarded: 24,
    },
    {
      verdict: verdict(
        'the-neuron/leaky-relu',
        'fix-bug',
        'fail',
        'leakyRelu([-1]) returned -0.01; expected -0.2\nReplay: --seed 7 --path 0:1',
        {
          replay: { seed: 7, path: '0:1' },
          output: 'debug <&> "quoted"\n',
          counterexample: { call: 'leakyRelu([-1])', args: [[-1]], actual: '-0.01', expected: '-0.2' },
        },
      ),
      file: 'work/the-neuron/leaky-relu.ts',
      xpAwarded: 0,
    },
    {
      verdict: verdict(
        'the-neuron/perceptron',
        'fill-in',
        'error',
        'Syntax error: work/the-neuron/perceptron.ts:3:7: Unexpected token, 100%',
        {
          location: { file: 'work/the-neuron/perceptron.ts', line: 3, column: 7 },
        },
      ),
      file: 'work/the-neuron/perceptron.ts',
      xpAwarded: 0,
    },
    { verdict: verdict('the-neuron/relu-by-hand', 'predict-output', 'timeout', 'Timed out'), xpAwarded: 0 },
  ],
}

describe('json reporter (Exercism results.json v3)', () => {
  const results = toResultsJson(report)

  test('has the v3 fields with their allowed values', () => {
    expect(results.version).toBe(3)
    expect(results.status).toBe('fail')
    for (const test of results.tests) {
      expect(typeof test.name).toBe('string')
      expect(['pass', 'fail', 'error']).toContain(test.status)
      expect(typeof test.test_code).toBe('string')
      if (test.status !== 'pass') expect(typeof test.message).toBe('string')
      if (test.output !== undefined) expect(test.output.length).toBeLessThanOrEqual(500)
    }
    expect(results.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'error', 'error'])
  })

  test('carries the XP fields and the replay seed', () => {
    expect(results.gradschool).toEqual({
      studentId: 'ada',
      xpAwarded: 24,
      totalXp: 24,
      level: 'Undergrad',
      nextLevel: 'Masters',
      xpToNextLevel: 126,
    })
    expect(results.tests[1]?.gradschool).toMatchObject({ verdict: 'fail', seed: 7, path: '0:1' })
    expect(results.tests[1]?.test_code).toBe('leakyRelu([-1])')
  })

  test('all passing is status pass; nothing graded is an error with a message', () => {
    expect(toResultsJson({ ...report, items: report.items.slice(0, 1) }).status).toBe('pass')
    const empty = toResultsJson({ ...report, items: [] })
    expect(empty.status).toBe('error')
    expect(empty.message).toContain('Nothing was graded')
  })
})

describe('junit reporter', () => {
  const xml = toJUnitXml(report)

  test('is well-formed XML, special characters escaped', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
  })

  test('one testcase per item, failures and errors counted', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml)
    const suite = parsed.testsuites.testsuite
    expect(suite).toMatchObject({ name: 'the-neuron', tests: '4', failures: '1', errors: '2' })
    expect(suite.testcase).toHaveLength(4)
    expect(suite.testcase[1].failure['#text']).toContain('leakyRelu([-1]) returned -0.01')
    // The parser trims text; the escaped characters survive the round trip.
    expect(suite.testcase[1]['system-out']).toBe('debug <&> "quoted"')
  })
})

describe('github reporter', () => {
  test('emits ::error annotations with file, line and column, escaping newlines, % , and :', () => {
    expect(toGithubAnnotations(report)).toEqual([
      '::error file=work/the-neuron/leaky-relu.ts,title=the-neuron/leaky-relu%3A fail::leakyRelu([-1]) returned -0.01; expected -0.2%0AReplay: --seed 7 --path 0:1',
      '::error file=work/the-neuron/perceptron.ts,line=3,col=7,title=the-neuron/perceptron%3A error::Syntax error: work/the-neuron/perceptron.ts:3:7: Unexpected token, 100%25',
      '::error title=the-neuron/relu-by-hand%3A timeout::Timed out',
    ])
  })

  test('the step summary is a Markdown table with one row per item', () => {
    const summary = toStepSummary(report)
    expect(summary).toContain('### gradschool: 1 passed, 3 not passed')
    expect(
      summary.split('\n').filter((line) => line.startsWith('| ') && line.includes('`the-neuron/')),
    ).toHaveLength(4)
  })
})
