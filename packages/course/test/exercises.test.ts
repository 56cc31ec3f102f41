import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { assembleReorder, fillBlanks, formatIssue, renderVariant, shuffleLines } from '../src/index.js'
import { loadCourse } from '../src/node.js'
import type { Challenge } from '../src/types.js'
import { firstFailure, importSource, importSpec, removeScratch } from './run-spec.js'

const exercisesDir = fileURLToPath(new URL('../../../exercises', import.meta.url))
const { course, issues } = await loadCourse(exercisesDir)
const challenges = course.lessons.flatMap((lesson) => lesson.challenges)
const byId = (id: string): Challenge => {
  const found = challenges.find((challenge) => challenge.id === id)
  if (!found) throw new Error(`no challenge ${id}`)
  return found
}

afterAll(removeScratch)

type Fn = (...args: unknown[]) => unknown
const entryOf = async (code: string, entry: string) => (await importSource(code))[entry] as Fn

describe('the real exercises/ folder', () => {
  it('loads with zero issues', () => {
    expect(issues.map(formatIssue)).toEqual([])
    expect(course.meta.title).toBe('gradschool')
  })

  it('has the neuron lesson with its quiz and one challenge of each kind', () => {
    const lesson = course.lessons.find((candidate) => candidate.slug === 'the-neuron')!
    expect(lesson.number).toBe(2)
    expect(lesson.quiz).toHaveLength(3)
    expect(lesson.codeBlocks.every((block) => block.expectedOutput !== undefined)).toBe(true)
    expect(new Set(lesson.challenges.map((challenge) => challenge.kind))).toEqual(
      new Set(['implement', 'fix-bug', 'fill-in', 'reorder', 'predict-output']),
    )
  })

  it('defines sigmoid-neuron exactly as the course promises', async () => {
    const challenge = byId('the-neuron/sigmoid-neuron')
    expect(challenge).toMatchObject({ kind: 'implement', entry: 'neuron' })
    const neuron = await entryOf(challenge.reference.text, 'neuron')
    // σ(z) by hand: σ(0) = 0.5; σ(3) = 1 / (1 + e^-3); z = 0.5·1 − 1·2 + 2·3 + 0.1 = 4.6.
    expect(neuron([], [], 0)).toBe(0.5)
    expect(neuron([1], [1], 2)).toBeCloseTo(0.9525741268224334, 15)
    expect(neuron([1, 2, 3], [0.5, -1, 2], 0.1)).toBeCloseTo(1 / (1 + Math.exp(-4.6)), 15)
  })

  it("sigmoid-neuron's examples catch a missing bias, tanh, ReLU and off-by-one loops", async () => {
    const challenge = byId('the-neuron/sigmoid-neuron')
    const spec = await importSpec(challenge.spec!.text)
    const reference = await entryOf(challenge.reference.text, 'neuron')
    const sum = (x: number[], w: number[], from: number, to: number) => {
      let z = 0
      for (let i = from; i < to; i++) z += (x[i] as number) * (w[i] as number)
      return z
    }
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))
    const mistakes: Record<string, (x: number[], w: number[], b: number) => number> = {
      'missing bias': (x, w) => sigmoid(sum(x, w, 0, x.length)),
      tanh: (x, w, b) => Math.tanh(sum(x, w, 0, x.length) + b),
      relu: (x, w, b) => Math.max(0, sum(x, w, 0, x.length) + b),
      'loop from 1': (x, w, b) => sigmoid(sum(x, w, 1, x.length) + b),
      'loop to length − 1': (x, w, b) => sigmoid(sum(x, w, 0, x.length - 1) + b),
      'loop to length inclusive': (x, w, b) => sigmoid(sum(x, w, 0, x.length + 1) + b),
    }
    for (const [name, mistake] of Object.entries(mistakes)) {
      expect(firstFailure(spec, mistake as Fn, reference, true), name).not.toBeNull()
    }
    expect(firstFailure(spec, reference, reference)).toBeNull()
  })

  it('every reference passes its spec and every starter fails it', async () => {
    for (const challenge of challenges.filter((candidate) => candidate.spec)) {
      const variant = renderVariant(challenge, 'student-1')
      const spec = await importSpec(variant.spec!)
      const reference = await entryOf(variant.reference, challenge.entry!)
      expect(firstFailure(spec, reference, reference), challenge.id).toBeNull()
      let starter: string | null = null
      if (challenge.kind === 'fill-in')
        starter = fillBlanks(
          variant.starter!,
          Object.fromEntries(challenge.blanks!.map((blank) => [blank.id, '0'])),
        )
      else if (challenge.kind === 'reorder')
        starter = assembleReorder(challenge, shuffleLines(challenge, 'student-1'), 'student-1')
      else starter = variant.starter ?? null
      if (starter === null) continue
      const failure = await entryOf(starter, challenge.entry!)
        .then((fn) => firstFailure(spec, fn, reference))
        .catch((error: Error) => `does not load: ${error.message}`)
      expect(failure, challenge.id).not.toBeNull()
      if (challenge.kind === 'fill-in') {
        const filled = fillBlanks(
          variant.starter!,
          Object.fromEntries(challenge.blanks!.map((blank) => [blank.id, blank.answer])),
        )
        expect(
          firstFailure(spec, await entryOf(filled, challenge.entry!), reference),
          `${challenge.id} filled`,
        ).toBeNull()
      }
    }
  })
})
