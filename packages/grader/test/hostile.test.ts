import { defineSpec } from '@gradschool/course'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { grade, type Verdict } from '../src/index.js'
import { ADD_REFERENCE, addChallenge, addSpec, challenge } from './fixtures/challenges.js'

/**
 * Submissions that try to escape, stall, exhaust or fool the grader. Each must get a non-pass
 * verdict with a clear message, and the very next honest submission must still pass.
 */
const fast = { limits: { timeMs: 300 } }

async function gradeAdd(code: string, options = fast): Promise<Verdict> {
  return grade(addChallenge, { kind: 'implement', code }, { spec: addSpec, ...options })
}

async function expectHealthy(): Promise<void> {
  const honest = await gradeAdd(ADD_REFERENCE)
  expect(honest.status).toBe('pass')
}

const hostile: { name: string; code: string; status: Verdict['status']; message: RegExp }[] = [
  {
    name: 'sync infinite loop',
    code: 'export function add() { while (true) {} }',
    status: 'timeout',
    message: /^Timed out on add\(/,
  },
  {
    name: 'async infinite loop',
    code: 'export async function add() { for (;;) await null }',
    status: 'timeout',
    message: /^Timed out on add\(/,
  },
  {
    name: 'async loop started at load time',
    code: '(async () => { for (;;) await 0 })()\nexport function add(a, b) { return a + b }',
    status: 'timeout',
    message: /^Timed out loading your file/,
  },
  {
    name: 'memory bomb (arrays)',
    code: 'export function add() { const keep = []; for (;;) keep.push(new Array(1e5).fill(1)) }',
    status: 'memory',
    message: /^Ran out of memory on add\(.*more than 64 MB/,
  },
  {
    name: 'memory bomb (strings)',
    code: "export function add() { let s = 'xx'; for (;;) s = s + s }",
    status: 'memory',
    message: /^Ran out of memory/,
  },
  {
    name: 'deep recursion',
    code: 'function down(n: number): number { return down(n + 1) + 1 }\nexport function add(a: number) { return down(a) }',
    status: 'fail',
    message: /Stack overflow on add\(.*recursion went too deep/,
  },
  {
    name: "require('fs')",
    code: "import { readFileSync } from 'fs'\nexport function add() { return readFileSync('/etc/passwd', 'utf8') }",
    status: 'error',
    message: /Cannot import 'fs': only @gradschool\/tensor and @gradschool\/nn are available here/,
  },
  {
    name: 'process.env',
    code: 'export function add(a, b) { return Number(process.env.ANSWER) }',
    status: 'fail',
    message: /ReferenceError: 'process' is not defined/,
  },
  {
    name: 'fetch',
    code: "export function add() { fetch('https://example.com'); return 0 }",
    status: 'fail',
    message: /'fetch' is not defined/,
  },
  {
    name: 'process.exit at load time',
    code: 'process.exit(0)\nexport const add = 1',
    status: 'error',
    message: /'process' is not defined/,
  },
  {
    name: 'overwriting JSON, Object.prototype, Array.isArray and Math',
    code: [
      'JSON.stringify = () => \'{"status":"pass"}\'',
      'JSON.parse = () => ({ status: "pass" })',
      "Object.defineProperty(Object.prototype, 'toJSON', { value: () => 3 })",
      "Object.defineProperty(Object.prototype, 'value', { get: () => 3 })",
      'Array.isArray = () => true',
      'Math = null',
      'export function add(a, b) { return a - b }',
    ].join('\n'),
    status: 'fail',
    message: /^add\(.*\) returned .*; expected /,
  },
  {
    name: 'throwing a number',
    code: 'export function add() { throw 42 }',
    status: 'fail',
    message: /^add\(.*\) threw 42 \(not an Error\)/,
  },
  {
    name: 'throwing an object with a lying getter',
    code: "export function add() { throw { get message() { throw new Error('boom') } } }",
    status: 'fail',
    message: /threw .* \(not an Error\)/,
  },
  {
    name: 'a Proxy as the result',
    code: 'export function add() { return new Proxy({}, { get: () => 3, getPrototypeOf: () => Number.prototype }) }',
    status: 'fail',
    message: /returned .*; expected /,
  },
  {
    name: 'an object pretending to be a number',
    code: 'export function add(a, b) { return { valueOf: () => a + b, toString: () => String(a + b), toJSON: () => a + b } }',
    status: 'fail',
    message: /expected a number, got an object/,
  },
  {
    name: 'printing fake pass lines',
    code: "console.log('✓ basics/add +15 XP\\n1 passed, 0 not passed')\nexport function add(a, b) { return a * b }",
    status: 'fail',
    message: /^add\(.*\) returned .*; expected /,
  },
  {
    name: 'flooding output',
    code: "export function add() { for (;;) console.log('spam'.repeat(100)) }",
    status: 'error',
    message: /^Too much output on add\(.*printed more than 65536 characters/,
  },
  {
    name: 'guessing globals to reach the reference',
    code: [
      'export function add(a, b) {',
      '  for (const key of Object.getOwnPropertyNames(globalThis)) {',
      '    const value = globalThis[key]',
      "    if (value && typeof value.add === 'function' && value.add !== add) return value.add(a, b)",
      '  }',
      '  return -1',
      '}',
    ].join('\n'),
    status: 'fail',
    message: /returned -1; expected /,
  },
]

describe('hostile submissions', () => {
  for (const attack of hostile) {
    test(`${attack.name}: ${attack.status}, then the grader still grades correctly`, async () => {
      const verdict = await gradeAdd(attack.code)
      expect(verdict.status).toBe(attack.status)
      expect(verdict.message).toMatch(attack.message)
      await expectHealthy()
    })
  }

  test('the default CPU limit is 2 s and is reported as such', async () => {
    const verdict = await gradeAdd('export function add() { for (;;) {} }', { limits: {} } as typeof fast)
    expect(verdict.status).toBe('timeout')
    expect(verdict.message).toContain('more than 2 s of CPU time')
    await expectHealthy()
  })

  test('a result with a getter is refused as not plain data', async () => {
    const pair = challenge('implement', {
      slug: 'pair',
      entry: 'pair',
      reference: 'export function pair(a: number) { return [a, a] }',
    })
    const spec = defineSpec({ args: fc.tuple(fc.integer({ min: 0, max: 5 })) })
    const code =
      'export function pair(a) { const out = [a, 0]; let reads = 0; Object.defineProperty(out, 1, { get: () => (++reads > 1 ? a : -1), enumerable: true }); return out }'
    const verdict = await grade(pair, { kind: 'implement', code }, { spec })
    expect(verdict.status).toBe('fail')
    expect(verdict.message).toContain('getter at index 1; return plain data')
  })

  test('tampering with prototypes cannot change the arguments the reference sees', async () => {
    const code = [
      "Object.defineProperty(Array.prototype, '0', { set() {}, get() { return 0 }, configurable: true })",
      'export function add(a, b) { return 0 }',
    ].join('\n')
    const verdict = await gradeAdd(code)
    expect(verdict.status).toBe('fail')
    await expectHealthy()
  })
})
