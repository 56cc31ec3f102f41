import { manualSeed, randn } from '@gradschool/tensor'
import { describe, expect, it } from 'vitest'
import { computeAttentionMap, parseAttentionMapOptions } from '../src/lib/visuals/attention-map.js'

const labels = ['pos 0', 'pos 1', 'pos 2', 'pos 3']
const lesson = parseAttentionMapOptions({ queries: labels, keys: labels, mask: 'causal', seed: 2 })

describe('attention-map visual', () => {
  const map = computeAttentionMap(lesson)

  it('masks every key after the query and gives each row weights that sum to 1', () => {
    expect(map.masked).toEqual([
      [false, true, true, true],
      [false, false, true, true],
      [false, false, false, true],
      [false, false, false, false],
    ])
    map.weights.forEach((row, i) => {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6)
      row.forEach((w, j) => {
        if (j > i) expect(w).toBe(0)
        else expect(w).toBeGreaterThan(0)
      })
    })
    expect(map.weights[0]![0]).toBe(1)
  })

  it('matches softmax(q·k / √4) written out by hand on the same seeded vectors', () => {
    manualSeed(2)
    const q = randn([4, 4]).toArray() as number[][]
    const k = randn([4, 4]).toArray() as number[][]
    for (let i = 0; i < 4; i++) {
      const scores = k.slice(0, i + 1).map((key) => key.reduce((sum, kv, d) => sum + kv * q[i]![d]!, 0) / 2)
      const top = Math.max(...scores)
      const exps = scores.map((s) => Math.exp(s - top))
      const total = exps.reduce((a, b) => a + b, 0)
      exps.forEach((e, j) => {
        expect(map.weights[i]![j]).toBeCloseTo(e / total, 5)
      })
    }
  })

  it('leaves every cell in play without a mask', () => {
    const open = computeAttentionMap({ ...lesson, causal: false })
    expect(open.masked.flat().every((m) => !m)).toBe(true)
    expect(open.weights.flat().every((w) => w > 0)).toBe(true)
  })

  it('names the problem with bad options', () => {
    expect(() =>
      parseAttentionMapOptions({ queries: labels, keys: labels.slice(0, 3), mask: 'causal' }),
    ).toThrow('as many queries as keys')
    expect(() => parseAttentionMapOptions({ mask: 'future' })).toThrow('"mask" must be "causal" or "none"')
  })
})
