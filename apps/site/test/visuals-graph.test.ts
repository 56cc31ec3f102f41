import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  circleLayout,
  messagePassingRounds,
  neighbours,
  parseGraphOptions,
} from '../src/lib/visuals/graph.js'

const lesson = parseGraphOptions({
  nodes: 5,
  edges: [
    [0, 1],
    [0, 2],
    [1, 2],
    [2, 3],
    [3, 4],
  ],
  features: [4, 2, 0, 6, 8],
  showMessages: true,
})

describe('graph visual', () => {
  it('lists every neighbour once, in both directions', () => {
    expect(neighbours(5, lesson.edges)).toEqual([[1, 2], [0, 2], [0, 1, 3], [2, 4], [3]])
    expect(
      neighbours(2, [
        [0, 1],
        [1, 0],
      ]),
    ).toEqual([[1], [0]])
  })

  it('runs the lesson’s round of mean message passing: 4 2 0 6 8 → 2 2 3 4.67 7', () => {
    const [before, after] = messagePassingRounds(lesson, 1)
    expect(before).toEqual([4, 2, 0, 6, 8])
    const expected = [2, 2, 3, 14 / 3, 7]
    after!.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i]!, 12)
    })
  })

  it('runs a second round from the first (worked by hand)', () => {
    // node 0: (2+2+3)/3, node 2: (3+2+2+14/3)/4, node 4: (7+14/3)/2
    const second = messagePassingRounds(lesson, 2)[2]!
    expect(second[0]).toBeCloseTo(7 / 3, 12)
    expect(second[2]).toBeCloseTo((7 + 14 / 3) / 4, 12)
    expect(second[4]).toBeCloseTo((7 + 14 / 3) / 2, 12)
  })

  it('never leaves the range of the starting features, and smooths towards one value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (features) => {
          const rounds = messagePassingRounds({ ...lesson, features }, 30)
          const low = Math.min(...features)
          const high = Math.max(...features)
          for (const round of rounds)
            for (const v of round) expect(v >= low - 1e-9 && v <= high + 1e-9).toBe(true)
          const last = rounds.at(-1)!
          expect(Math.max(...last) - Math.min(...last)).toBeLessThanOrEqual((high - low) * 0.05 + 1e-9)
        },
      ),
    )
  })

  it('places the nodes on a circle, node 0 at the top', () => {
    const points = circleLayout(4, 100, 50)
    expect(points[0]!.x).toBeCloseTo(100, 9)
    expect(points[0]!.y).toBeCloseTo(50, 9)
    expect(points[1]!.x).toBeCloseTo(150, 9)
    expect(points[2]!.y).toBeCloseTo(150, 9)
  })

  it('names the problem with bad options', () => {
    expect(() => parseGraphOptions({ nodes: 3, edges: [[0, 3]], features: [1, 2, 3] })).toThrow(
      'edges[0] must be a pair of node numbers from 0 to 2',
    )
    expect(() => parseGraphOptions({ nodes: 3, edges: [], features: [1, 2] })).toThrow(
      '"features" must give one number per node (3)',
    )
  })
})
