import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'

const BIN = join(import.meta.dirname, '../bin/gradschool.js')
const FIXTURE = join(import.meta.dirname, 'fixtures/course/exercises')
const CORRECT_ADD = 'export function add(a: number, b: number): number {\n  return a + b\n}\n'
const WRONG_ADD = 'export function add(a: number, b: number): number {\n  return a - b\n}\n'

/** A fresh course repository: a copy of the two-challenge fixture course, no work yet. */
function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'gradschool-cli-'))
  cpSync(FIXTURE, join(root, 'exercises'), { recursive: true })
  return root
}

function gradschool(root: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('gradschool CLI', () => {
  test('start writes the starter once and never overwrites work', () => {
    const root = repo()
    const first = gradschool(root, ['start', 'basics/add', '--student', 'ada'])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('wrote work/basics/add.ts')
    writeFileSync(join(root, 'work/basics/add.ts'), CORRECT_ADD)
    const again = gradschool(root, ['start', 'basics/add'])
    expect(again.stdout).toContain('already exists; keeping your work')
    expect(readFileSync(join(root, 'work/basics/add.ts'), 'utf8')).toBe(CORRECT_ADD)
  })

  test('grade: exit 1 when something fails, 0 when all pass; XP is awarded once', () => {
    const root = repo()
    gradschool(root, ['start', 'basics/add'])
    const starter = gradschool(root, ['grade', '--all'])
    expect(starter.code).toBe(1)
    expect(starter.stdout).toContain('not implemented yet')
    writeFileSync(join(root, 'work/basics/add.ts'), WRONG_ADD)
    const wrong = gradschool(root, ['grade', '--challenge', 'basics/add'])
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toMatch(/add\(.*\) returned .*; expected /)
    writeFileSync(join(root, 'work/basics/add.ts'), CORRECT_ADD)
    // Third attempt, no hints: 10 XP, no first-attempt bonus.
    const right = gradschool(root, ['grade', '--all', '--reporter', 'json'])
    expect(right.code).toBe(0)
    const results = JSON.parse(right.stdout)
    expect(results).toMatchObject({
      version: 3,
      status: 'pass',
      gradschool: { xpAwarded: 10, totalXp: 10, level: 'Adept' },
    })
    const regrade = JSON.parse(gradschool(root, ['grade', '--all', '--reporter', 'json']).stdout)
    expect(regrade.gradschool).toMatchObject({ xpAwarded: 0, totalXp: 10 })
  })

  test('grade --file grades another file; --seed is echoed for replay', () => {
    const root = repo()
    writeFileSync(join(root, 'elsewhere.ts'), WRONG_ADD)
    const result = gradschool(root, [
      'grade',
      '--challenge',
      'basics/add',
      '--file',
      'elsewhere.ts',
      '--seed',
      '42',
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Replay: --seed 42 --path')
  })

  test('usage and configuration errors exit 2 with a clear message', () => {
    const root = repo()
    expect(gradschool(root, ['grade', '--bogus']).code).toBe(2)
    const noMode = gradschool(root, ['grade'])
    expect(noMode.code).toBe(2)
    expect(noMode.stderr).toContain('say what to grade')
    const unknown = gradschool(root, ['grade', '--challenge', 'nope/nothing'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('no challenge `nope/nothing`')
    expect(gradschool(root, ['grade', '--all', '--reporter', 'fancy']).stderr).toContain(
      'unknown reporter `fancy`',
    )
    const noCourse = gradschool(mkdtempSync(join(tmpdir(), 'gradschool-empty-')), ['list'])
    expect(noCourse.code).toBe(2)
    expect(noCourse.stderr).toContain('does not exist')
  })

  test('grade --bundle grades a site export to the same verdicts, with XP from the bundle', () => {
    const root = repo()
    const bundle = {
      version: 1,
      studentId: 'ada',
      submissions: {
        'basics/add': { kind: 'implement', code: CORRECT_ADD },
        'basics/say-hello': { kind: 'predict-output', output: 'sum 0.30' },
      },
      hintsUsed: { 'basics/add': 1 },
    }
    writeFileSync(join(root, 'bundle.json'), JSON.stringify(bundle))
    const result = gradschool(root, ['grade', '--bundle', 'bundle.json', '--reporter', 'json'])
    expect(result.code).toBe(0)
    // add: 10 × (1 + 0.5 − 0.25) = 12.5 → 13; say-hello: 4 × 1.5 = 6.
    expect(JSON.parse(result.stdout).gradschool).toMatchObject({ studentId: 'ada', totalXp: 19 })
    // Two failed attempts before the pass on the site cost add its first-attempt bonus:
    // add: 10 × (1 − 0.25) = 7.5 → 8; say-hello unchanged: 6.
    writeFileSync(join(root, 'retried.json'), JSON.stringify({ ...bundle, attempts: { 'basics/add': 2 } }))
    const retried = gradschool(root, ['grade', '--bundle', 'retried.json', '--reporter', 'json'])
    expect(JSON.parse(retried.stdout).gradschool).toMatchObject({ totalXp: 14 })
    writeFileSync(join(root, 'bad.json'), '{"version": 2}')
    const bad = gradschool(root, ['grade', '--bundle', 'bad.json'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('field `version`')
  })

  test('check passes on a sound course and lists problems otherwise', () => {
    const root = repo()
    expect(gradschool(root, ['check']).code).toBe(0)
    const lesson = join(root, 'exercises/01-basics/lesson.md')
    writeFileSync(
      lesson,
      readFileSync(lesson, 'utf8').replace("3 [ 1, 2 ] { a: 'x' }", '4 [ 1, 2 ] { a: 1 }'),
    )
    writeFileSync(join(root, 'exercises/01-basics/add/starter.ts'), CORRECT_ADD)
    const broken = gradschool(root, ['check'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('01-basics/lesson.md:')
    expect(broken.stdout).toContain('the output shown differs')
    expect(broken.stdout).toContain('the starter should fail')
  })

  test('variant prints the program; new lesson/challenge scaffold without overwriting', () => {
    const root = repo()
    const variant = gradschool(root, ['variant', 'basics/say-hello', '--student', 'ada'])
    expect(variant.code).toBe(0)
    expect(variant.stdout).toContain("console.log('sum', x.toFixed(2))")
    const lesson = gradschool(root, ['new', 'lesson', 'Gradient descent'])
    expect(lesson.code).toBe(0)
    expect(existsSync(join(root, 'exercises/02-gradient-descent/lesson.md'))).toBe(true)
    expect(
      gradschool(root, ['new', 'challenge', '--lesson', 'basics', '--kind', 'implement', '--slug', 'add'])
        .code,
    ).toBe(2)
    expect(gradschool(root, ['new', 'challenge', '--lesson', 'basics', '--kind', 'riddle']).code).toBe(2)
  })
})

describe('the GitHub Actions template', () => {
  test("its grade step's command runs against a work folder: annotations and a well-formed JUnit report", () => {
    const workflow = parseYaml(
      readFileSync(join(import.meta.dirname, '../templates/github-actions.yml'), 'utf8'),
    )
    const steps = workflow.jobs.grade.steps as {
      name?: string
      run?: string
      uses?: string
      with?: Record<string, string>
    }[]
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npx -y pnpm@10 install',
      'npx -y pnpm@10 gradschool grade --all --reporter github,junit',
      'actions/upload-artifact@v4',
    ])
    const command = steps.find((step) => step.name === 'Grade')!.run!
    const root = repo()
    // The course repository's package.json provides the `gradschool` script, as this monorepo does.
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'course', private: true, scripts: { gradschool: `node ${BIN}` } }),
    )
    gradschool(root, ['start', 'basics/add'])
    writeFileSync(
      join(root, 'work/basics/add.ts'),
      'export function add(a: number, b: number): number {\n  return a +* b\n}\n',
    )
    const summary = join(root, 'summary.md')
    const run = spawnSync('sh', ['-c', command], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: summary, CI: 'true' },
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      '::error file=work/basics/add.ts,line=2,col=13,title=basics/add%3A error::Syntax error',
    )
    const junit = readFileSync(join(root, steps.at(-1)!.with!.path!), 'utf8')
    expect(XMLValidator.validate(junit)).toBe(true)
    expect(readFileSync(summary, 'utf8')).toContain('### gradschool: 0 passed, 1 not passed')
  })
})
