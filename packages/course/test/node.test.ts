import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadCourse, readTextFiles } from '../src/node.js'

const root = mkdtempSync(join(tmpdir(), 'gradschool-exercises-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('loadCourse', () => {
  it('names files relative to the chosen folder, so messages point at exercises/…', async () => {
    writeFileSync(join(root, 'course.yaml'), 'title: [broken\n')
    const { issues } = await loadCourse(root, { issuesRelativeTo: dirname(root) })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.file).toBe(`${basename(root)}/course.yaml`)
    expect(issues[0]!.message).toMatch(/^invalid YAML at line \d+, column \d+/)
  })

  it('reports a missing folder instead of throwing', async () => {
    const { issues } = await loadCourse(join(root, 'missing'))
    expect(issues[0]!.message).toMatch(/does not exist/)
  })

  it('reads only course text files, skipping hidden folders and binaries', async () => {
    mkdirSync(join(root, '01-a', '.cache'), { recursive: true })
    writeFileSync(join(root, '01-a', 'lesson.md'), 'x')
    writeFileSync(join(root, '01-a', 'diagram.png'), 'binary')
    writeFileSync(join(root, '01-a', '.cache', 'spec.ts'), 'x')
    expect(Object.keys(await readTextFiles(root)).sort()).toEqual(['01-a/lesson.md', 'course.yaml'])
  })
})
