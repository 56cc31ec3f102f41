import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { defineSpec } from '@gradschool/course'
import { tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { grade, runProgram, SANDBOX_NOW } from '../src/index.js'
import { sandboxLibraries } from '../src/node/libraries.js'
import { challenge } from './fixtures/challenges.js'

const libraries = sandboxLibraries

async function printed(code: string, seed = 1): Promise<string> {
  const run = await runProgram(code, 'program.ts', { libraries, seed })
  if (!run.outcome.ok) throw new Error(JSON.stringify(run.outcome.failure))
  return run.output
}

describe('console.log inside the sandbox', () => {
  test('formats values like Node (single line)', async () => {
    const output = await printed(
      "console.log(1, -0, 0.1 + 0.2, 'text', [1, 'a', [2, [3, [4]]]], { a: 1, 'b-c': [true, null, undefined] }, [], {})\nconsole.log(new Float32Array([0.5, 2]), function named() {}, NaN)",
    )
    expect(output).toBe(
      "1 -0 0.30000000000000004 text [ 1, 'a', [ 2, [ 3, [Array] ] ] ] { a: 1, 'b-c': [ true, null, undefined ] } [] {}\nFloat32Array(2) [ 0.5, 2 ] [Function: named] NaN\n",
    )
  })

  test('sandboxed programs run the TypeScript kernels, and the bundle carries no WebAssembly', async () => {
    expect(await printed("import { getBackend } from '@gradschool/tensor'\nconsole.log(getBackend())")).toBe(
      'js\n',
    )
    const bundle = await libraries()
    // (includes, not toContain: a failure should not print the whole bundle)
    expect(bundle.includes('AGFzbQ')).toBe(false) // base64 of a wasm module's magic bytes
    expect(bundle.includes('gemmPacked')).toBe(false)
    expect(bundle.includes('loadWasmBackendSync')).toBe(true)
  })

  test('tensors print through their own toString', async () => {
    const output = await printed(
      "import { tensor } from '@gradschool/tensor'\nconst t = tensor([[1, 2], [3, 4]])\nconsole.log(t)\nconsole.log(String(t))",
    )
    const [fromLog, fromString] =
      output.trimEnd().split('\n\n').length === 2 ? output.trimEnd().split('\n\n') : halves(output)
    expect(fromLog).toBe(fromString)
    expect(fromLog).toBe(
      tensor([
        [1, 2],
        [3, 4],
      ]).toString(),
    )
  })
})

function halves(output: string): [string, string] {
  const lines = output.trimEnd().split('\n')
  const half = lines.length / 2
  return [lines.slice(0, half).join('\n'), lines.slice(half).join('\n')]
}

describe('determinism', () => {
  test('Math.random is seeded and Date is fixed', async () => {
    const code = 'console.log(Math.random(), Math.random(), Date.now(), new Date().toISOString())'
    const first = await printed(code, 7)
    expect(await printed(code, 7)).toBe(first)
    expect(await printed(code, 8)).not.toBe(first)
    expect(first.trim().split(' ').slice(2)).toEqual([
      String(SANDBOX_NOW),
      new Date(SANDBOX_NOW).toISOString(),
    ])
    expect(await printed('console.log(new Date(0).toISOString(), new Date() instanceof Date)')).toBe(
      '1970-01-01T00:00:00.000Z true\n',
    )
  })

  test('no timers, file system, network or process exist', async () => {
    const output = await printed(
      "console.log([typeof setTimeout, typeof setInterval, typeof fetch, typeof process, typeof globalThis.require, typeof XMLHttpRequest, typeof WebAssembly].join(','))",
    )
    expect(output).toBe('undefined,undefined,undefined,undefined,undefined,undefined,undefined\n')
  })
})

describe('tensor challenges', () => {
  const reference =
    "import { tensor, type Tensor } from '@gradschool/tensor'\nexport function affine(x: Tensor, w: Tensor): Tensor {\n  return x.matmul(w).relu()\n}\n"
  const affine = challenge('implement', { slug: 'affine', entry: 'affine', reference })
  const matrix = (rows: number, cols: number) =>
    fc
      .array(fc.integer({ min: -4, max: 4 }), { minLength: rows * cols, maxLength: rows * cols })
      .map((values) => tensor(values).reshape([rows, cols]))
  const spec = defineSpec({ args: fc.tuple(matrix(2, 3), matrix(3, 2)), numRuns: 30 })

  test('tensors cross the boundary as arguments and results; a correct answer passes', async () => {
    const code =
      "import * as T from '@gradschool/tensor'\nexport function affine(x: T.Tensor, w: T.Tensor) {\n  return T.relu(T.matmul(x, w))\n}\n"
    expect((await grade(affine, { kind: 'implement', code }, { spec, libraries })).status).toBe('pass')
  })

  test('a wrong tensor is reported by element; a wrong shape by shape', async () => {
    const noRelu = 'export function affine(x: any, w: any) {\n  return x.matmul(w)\n}\n'
    const values = await grade(affine, { kind: 'implement', code: noRelu }, { spec, libraries })
    expect(values.status).toBe('fail')
    expect(values.message).toMatch(
      /^affine\(tensor\(.*\), tensor\(.*\)\) returned tensor\(.*\); expected tensor\(.*\) \(tensor element \[\d, \d\]: expected 0, got -\d+\)/,
    )
    const transposed = 'export function affine(x: any, w: any) {\n  return w.matmul(x).relu()\n}\n'
    const shape = await grade(affine, { kind: 'implement', code: transposed }, { spec, libraries })
    expect(shape.message).toContain('expected a tensor of shape [2, 2], got shape [3, 3]')
  })
})

describe('browser safety', () => {
  test('the core (everything outside src/node and src/cli) imports no Node built-ins', () => {
    const src = join(import.meta.dirname, '../src')
    const offenders: string[] = []
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) {
          if (name !== 'node' && name !== 'cli') visit(path)
        } else if (/from '(node:|fs|path|os|child_process|url|crypto)/.test(readFileSync(path, 'utf8'))) {
          offenders.push(path)
        }
      }
    }
    visit(src)
    expect(offenders).toEqual([])
  })
})
