import { defineSpec } from '@gradschool/course'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { grade, gradeQuiz } from '../src/index.js'
import {
  ADD_REFERENCE,
  addChallenge,
  addSpec,
  challenge,
  NEURON_CORRECT,
  NEURON_WRONG_SIGN,
  neuronChallenge,
  neuronSpec,
} from './fixtures/challenges.js'

const sumSpec = defineSpec({ args: fc.tuple(fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 6 })) })

describe('implement / fix-bug', () => {
  test('a correct solution passes, with any parameter names and style', async () => {
    const verdict = await grade(
      neuronChallenge,
      { kind: 'implement', code: NEURON_CORRECT },
      { spec: neuronSpec },
    )
    expect(verdict.status).toBe('pass')
    expect(verdict.runs).toBe(100)
  })

  test('a wrong solution fails with the call, what it returned and what was expected', async () => {
    const verdict = await grade(
      neuronChallenge,
      { kind: 'implement', code: NEURON_WRONG_SIGN },
      { spec: neuronSpec },
    )
    expect(verdict.status).toBe('fail')
    expect(verdict.message).toMatch(
      /^neuron\(\[.*\], \[.*\], .*\) returned [\d.]+; expected [\d.]+\nReplay: --seed \d+ --path [\d:]+$/,
    )
  })

  test('a fix-bug submission is graded the same way', async () => {
    const fixBug = challenge('fix-bug', { slug: 'add-bug', entry: 'add', reference: ADD_REFERENCE })
    expect((await grade(fixBug, { kind: 'fix-bug', code: ADD_REFERENCE }, { spec: addSpec })).status).toBe(
      'pass',
    )
    const buggy = 'export function add(a: number, b: number) {\n  return a * b\n}\n'
    expect((await grade(fixBug, { kind: 'fix-bug', code: buggy }, { spec: addSpec })).status).toBe('fail')
  })

  test('module.exports and async functions work too', async () => {
    const cjs = 'module.exports = { add: (a, b) => a + b }'
    expect((await grade(addChallenge, { kind: 'implement', code: cjs }, { spec: addSpec })).status).toBe(
      'pass',
    )
    const asyncAdd = 'export async function add(a: number, b: number) {\n  await null\n  return a + b\n}\n'
    expect((await grade(addChallenge, { kind: 'implement', code: asyncAdd }, { spec: addSpec })).status).toBe(
      'pass',
    )
  })

  test('a missing export fails and names the function to write', async () => {
    const verdict = await grade(
      addChallenge,
      { kind: 'implement', code: 'export function plus(a, b) { return a + b }' },
      { spec: addSpec },
    )
    expect(verdict.status).toBe('fail')
    expect(verdict.message).toContain('does not export a function named `add`')
  })

  test('without a spec the grade is an error that says so', async () => {
    const verdict = await grade(addChallenge, { kind: 'implement', code: ADD_REFERENCE })
    expect(verdict.status).toBe('error')
    expect(verdict.message).toContain('No property spec')
  })
})

describe('counterexamples', () => {
  // Integer arguments shrink to a predictable smallest input.
  const intSpec = defineSpec({
    args: fc
      .integer({ min: 1, max: 3 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }),
          fc.integer({ min: -3, max: 3 }),
        ),
      ),
  })
  const missingBias =
    'export function neuron(xs: number[], ws: number[], b: number) {\n  let z = 0\n  for (let i = 0; i < xs.length; i++) z += xs[i]! * ws[i]!\n  return 1 / (1 + Math.exp(-z))\n}\n'

  test('shrink to the smallest input and show it like `neuron([0], [0], -1) returned 0.5; expected 0.2689`', async () => {
    const verdict = await grade(neuronChallenge, { kind: 'implement', code: missingBias }, { spec: intSpec })
    const [first] = verdict.message.split('\n')
    // σ(−1) = 0.268941…, σ(1) = 0.731058… (computed by hand from e ≈ 2.718281828).
    expect([
      'neuron([0], [0], -1) returned 0.5; expected 0.2689',
      'neuron([0], [0], 1) returned 0.5; expected 0.7311',
    ]).toContain(first)
  })

  test('the same seed gives the same verdict and message; the reported path replays the counterexample', async () => {
    const first = await grade(
      neuronChallenge,
      { kind: 'implement', code: NEURON_WRONG_SIGN },
      { spec: neuronSpec, seed: 1234 },
    )
    const again = await grade(
      neuronChallenge,
      { kind: 'implement', code: NEURON_WRONG_SIGN },
      { spec: neuronSpec, seed: 1234 },
    )
    expect(again.message).toBe(first.message)
    expect(again.status).toBe(first.status)
    expect(first.replay?.seed).toBe(1234)
    const replayed = await grade(
      neuronChallenge,
      { kind: 'implement', code: NEURON_WRONG_SIGN },
      { spec: neuronSpec, seed: 1234, path: first.replay!.path! },
    )
    expect(replayed.counterexample?.call).toBe(first.counterexample?.call)
  })

  test('numbers are shown with just enough digits to see the difference', async () => {
    const offByLittle = 'export function add(a: number, b: number) {\n  return a + b + 0.001\n}\n'
    const verdict = await grade(addChallenge, { kind: 'implement', code: offByLittle }, { spec: addSpec })
    expect(verdict.message.split('\n')[0]).toBe('add(0, 0) returned 0.001; expected 0')
  })

  test('a thrown error names the call and the line in the learner file', async () => {
    const code =
      'export function add(a: number, b: number): number {\n  if (a > 0) throw new RangeError("too big")\n  return a + b\n}\n'
    const verdict = await grade(
      addChallenge,
      { kind: 'implement', code },
      { spec: addSpec, file: 'work/x/add.ts' },
    )
    expect(verdict.status).toBe('fail')
    expect(verdict.message.split('\n')[0]).toBe('add(1, 0) threw RangeError: too big (at work/x/add.ts:2)')
    expect(verdict.location).toEqual({ file: 'work/x/add.ts', line: 2 })
  })
})

describe('syntax and type-stripping errors', () => {
  test('point at line:column of the learner file', async () => {
    const code = 'export function add(a: number, b: number): number {\n  return a +* b\n}\n'
    const verdict = await grade(
      addChallenge,
      { kind: 'implement', code },
      { spec: addSpec, file: 'work/basics/add.ts' },
    )
    expect(verdict.status).toBe('error')
    // `  return a +* b`: `*` is the 13th character of line 2.
    expect(verdict.location).toEqual({ file: 'work/basics/add.ts', line: 2, column: 13 })
    expect(verdict.message).toBe('Syntax error: work/basics/add.ts:2:13: Unexpected token')
  })

  test('an error while loading the file points at its line', async () => {
    const code = 'const x = 1\nundefinedFunction()\nexport function add(a, b) { return a + b }\n'
    const verdict = await grade(
      addChallenge,
      { kind: 'implement', code },
      { spec: addSpec, file: 'work/basics/add.ts' },
    )
    expect(verdict.status).toBe('error')
    expect(verdict.location?.line).toBe(2)
    expect(verdict.message).toContain("ReferenceError: 'undefinedFunction' is not defined")
  })
})

describe('fill-in', () => {
  const fillIn = challenge('fill-in', {
    slug: 'sum',
    entry: 'sum',
    reference:
      'export function sum(xs: number[]): number {\n  let total = 0\n  for (const x of xs) total += x\n  return total\n}\n',
    starter: {
      path: 'x/starter.ts',
      text: 'export function sum(xs: number[]): number {\n  let total = ___start___\n  for (const x of xs) total ___step___\n  return total\n}\n',
      template: false,
    },
    blanks: [
      { id: 'start', answer: '0' },
      { id: 'step', answer: '+= x' },
    ],
  })

  test('any fill that behaves correctly passes', async () => {
    for (const step of ['+= x', '= total + x', '= x + total', '-= -x']) {
      const verdict = await grade(
        fillIn,
        { kind: 'fill-in', blanks: { start: '0', step } },
        { spec: sumSpec },
      )
      expect(verdict.status, step).toBe('pass')
    }
  })

  test('a wrong fill fails; a missing blank is named', async () => {
    expect(
      (await grade(fillIn, { kind: 'fill-in', blanks: { start: '1', step: '+= x' } }, { spec: sumSpec }))
        .status,
    ).toBe('fail')
    const missing = await grade(fillIn, { kind: 'fill-in', blanks: { start: '0' } }, { spec: sumSpec })
    expect(missing.status).toBe('fail')
    expect(missing.message).toContain('`step`')
  })
})

describe('reorder', () => {
  const reorder = challenge('reorder', {
    slug: 'stats',
    entry: 'stats',
    reference: [
      'export function stats(xs: number[]): number[] {',
      '  // reorder:start',
      '  const n = xs.length',
      '  const total = xs.reduce((a, b) => a + b, 0)',
      '  const mean = n === 0 ? 0 : total / n',
      '  return [total, mean]',
      '  // reorder:end',
      '}',
    ].join('\n'),
  })
  const n = '  const n = xs.length'
  const total = '  const total = xs.reduce((a, b) => a + b, 0)'
  const mean = '  const mean = n === 0 ? 0 : total / n'
  const ret = '  return [total, mean]'

  test('any order whose program behaves correctly passes', async () => {
    expect(
      (await grade(reorder, { kind: 'reorder', lines: [n, total, mean, ret] }, { spec: sumSpec })).status,
    ).toBe('pass')
    expect(
      (await grade(reorder, { kind: 'reorder', lines: [total, n, mean, ret] }, { spec: sumSpec })).status,
    ).toBe('pass')
  })

  test('an order that breaks the program does not pass; foreign lines are refused', async () => {
    const broken = await grade(reorder, { kind: 'reorder', lines: [ret, n, total, mean] }, { spec: sumSpec })
    expect(broken.status).not.toBe('pass')
    const foreign = await grade(
      reorder,
      { kind: 'reorder', lines: [n, total, mean, '  return [1, 2]'] },
      { spec: sumSpec },
    )
    expect(foreign.status).toBe('fail')
    expect(foreign.message).toContain('not one of this puzzle')
  })
})

describe('predict-output', () => {
  const predict = challenge('predict-output', {
    slug: 'prints',
    reference: '',
    program: {
      path: 'x/program.ts',
      text: "const z = 0.5\nconsole.log('z =', z)\nconsole.log((1 / (1 + Math.exp(-1))).toFixed(4))\nconsole.log([1, 2], { a: 1 })\n",
      template: false,
    },
  })

  test('whitespace is normalised and numbers compare at the printed precision', async () => {
    const answers = [
      'z = 0.5\n0.7311\n[ 1, 2 ] { a: 1 }',
      '  z =   0.50\n0.7311\n[ 1,  2 ]  { a:  1 }\n\n',
      'z = 5e-1\r\n0.73110\r\n[ 1, 2 ] { a: 1 }',
    ]
    for (const output of answers) {
      expect((await grade(predict, { kind: 'predict-output', output })).status, output).toBe('pass')
    }
  })

  test('a wrong line is named', async () => {
    const verdict = await grade(predict, {
      kind: 'predict-output',
      output: 'z = 0.5\n0.73\n[ 1, 2 ] { a: 1 }',
    })
    expect(verdict.status).toBe('fail')
    expect(verdict.message).toBe(
      'Line 2 of the output differs.\n  you predicted: 0.73\n  the program printed: 0.7311',
    )
  })
})

describe('quiz', () => {
  const question = {
    id: 'q',
    prompt: 'Which are even?',
    choices: ['1', '2', '3', '4'],
    answer: [1, 3],
    explanation: '2 and 4 divide by 2.',
  }

  test('exactly the right choices pass, with the explanation', () => {
    const verdict = gradeQuiz('lesson', question, [3, 1])
    expect(verdict.status).toBe('pass')
    expect(verdict.explanation).toBe('2 and 4 divide by 2.')
  })

  test('partial or wrong choices fail and still explain', () => {
    expect(gradeQuiz('lesson', question, [1]).status).toBe('fail')
    expect(gradeQuiz('lesson', question, [0, 1, 3]).status).toBe('fail')
    expect(gradeQuiz('lesson', question, [1]).explanation).toBe('2 and 4 divide by 2.')
    expect(gradeQuiz('lesson', question, [9]).status).toBe('error')
  })
})
