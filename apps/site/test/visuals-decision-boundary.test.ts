import { describe, expect, it } from 'vitest'
import {
  heatRow,
  parseDecisionBoundaryOptions,
  trainDecisionBoundaries,
} from '../src/lib/visuals/decision-boundary.js'

const lesson = {
  dataset: 'moons',
  n: 16,
  noise: 0.35,
  hidden: [32],
  steps: 150,
  compare: { dropout: 0.3, weightDecay: 0.5 },
}

describe('decision-boundary visual', () => {
  it('reads the lesson options', () => {
    const options = parseDecisionBoundaryOptions(lesson)
    expect(options).toMatchObject({
      dataset: 'moons',
      n: 16,
      noise: 0.35,
      hidden: [32],
      steps: 150,
      compare: { dropout: 0.3, weightDecay: 0.5 },
    })
  })

  it('trains both models on the same 16 points and samples a probability grid', () => {
    const result = trainDecisionBoundaries(parseDecisionBoundaryOptions(lesson), 12)
    expect(result.classes).toBe(2)
    expect(result.train.x).toHaveLength(16)
    expect(result.test.x).toHaveLength(100)
    expect(result.panels.map((p) => p.title)).toEqual([
      'No regularisation',
      'With dropout 0.3 and weight decay 0.5',
    ])
    for (const panel of result.panels) {
      expect(panel.probabilities).toHaveLength(12)
      for (const row of panel.probabilities)
        for (const cell of row) expect(cell[0]! + cell[1]!).toBeCloseTo(1, 5)
    }
    // The unregularised net memorises its 16 points (the lesson's training loss reaches 0.013).
    expect(result.panels[0]!.trainAccuracy).toBe(1)
    // Accuracies are fractions of 16 and of 100 points.
    for (const panel of result.panels) {
      expect(Number.isInteger(panel.trainAccuracy * 16)).toBe(true)
      expect(Number.isInteger(Math.round(panel.testAccuracy * 100 * 1e6) / 1e6)).toBe(true)
    }
  })

  it('is deterministic', () => {
    const options = parseDecisionBoundaryOptions({ ...lesson, steps: 20 })
    expect(trainDecisionBoundaries(options, 6)).toEqual(trainDecisionBoundaries(options, 6))
  })

  it('merges equal neighbouring cells of a heat row and colours by the likelier class', () => {
    const runs = heatRow([
      [0.5, 0.5],
      [0.5, 0.5],
      [1, 0],
      [0, 1],
    ])
    expect(runs.map((r) => [r.x, r.width])).toEqual([
      [0, 2],
      [2, 1],
      [3, 1],
    ])
    // Colour c is mixed with white: 255 + (c − 255)·0.08 at a coin flip (191 → 249.88 → 250),
    // 255 + (c − 255)·0.5 when sure (180 → 217.5 → 218).
    expect(runs[0]!.fill).toBe('rgb(237,242,250)')
    expect(runs[1]!.fill).toBe('rgb(143,175,223)')
    expect(runs[2]!.fill).toBe('rgb(218,169,132)')
  })

  it('names the problem with bad options', () => {
    expect(() => parseDecisionBoundaryOptions({ dataset: 'mnist' })).toThrow(
      '"dataset" must be one of moons, circles, xor, spirals, gaussians',
    )
    expect(() => parseDecisionBoundaryOptions({ compare: { dropout: 1 } })).toThrow(
      '"compare.dropout" must be at least 0 and below 1',
    )
  })
})
