import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const packageRoot = join(import.meta.dirname, '..')
const tsx = join(packageRoot, '..', '..', 'node_modules', '.bin', 'tsx')

function trainMnist(...args: string[]) {
  const result = spawnSync(tsx, ['scripts/train-mnist.ts', ...args], { cwd: packageRoot, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('scripts/train-mnist.ts', () => {
  const directory = mkdtempSync(join(tmpdir(), 'train-mnist-'))

  it('prints exactly one JSON object per epoch with --json, and saves the weights', () => {
    const out = join(directory, 'weights.json')
    const run = trainMnist('--', '--epochs', '2', '--limit', '256', '--json', '--out', out)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.length).toBe(2)
    lines.forEach((line, i) => {
      const report = JSON.parse(line)
      expect(Object.keys(report)).toEqual(['epoch', 'backend', 'seconds', 'trainLoss', 'testAccuracy'])
      expect(report.epoch).toBe(i + 1)
      expect(report.seconds).toBeGreaterThan(0)
      expect(report.trainLoss).toBeGreaterThan(0)
      expect(report.testAccuracy).toBeGreaterThanOrEqual(0)
      expect(report.testAccuracy).toBeLessThanOrEqual(1)
    })
    const weights = JSON.parse(readFileSync(out, 'utf8'))
    expect(weights['0.weight'].shape).toEqual([256, 784])
    expect(weights['4.bias'].shape).toEqual([10])
  }, 30_000)

  it('prints readable lines and a confusion matrix without --json', () => {
    const run = trainMnist('--epochs', '1', '--limit', '128', '--out', join(directory, 'plain.json'))
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/epoch 1\/1 {2}[\d.]+ s {2}train loss [\d.]+ {2}test accuracy [\d.]+%/)
    expect(run.stdout).toContain('true\\pred')
    expect(run.stdout).toContain('weights saved to')
  }, 30_000)

  it('refuses to overwrite a file the user named unless --force is given', () => {
    const out = join(directory, 'mine.json')
    writeFileSync(out, 'precious')
    const run = trainMnist('--epochs', '1', '--limit', '64', '--json', '--out', out)
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`${out} already exists; pass --force`)
    expect(readFileSync(out, 'utf8')).toBe('precious')
    expect(trainMnist('--epochs', '1', '--limit', '64', '--json', '--out', out, '--force').status).toBe(0)
    expect(readFileSync(out, 'utf8')).not.toBe('precious')
  }, 30_000)

  it('explains bad flags and exits with status 2', () => {
    const unknown = trainMnist('--epoch', '3')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/train-mnist: Unknown option '--epoch'/)
    expect(unknown.stderr).toContain('usage: pnpm train:mnist')
    const bad = trainMnist('--epochs', 'two')
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain("--epochs must be an integer ≥ 1, got 'two'")
  }, 30_000)
})
