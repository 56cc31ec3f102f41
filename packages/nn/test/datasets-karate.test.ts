import { describe, expect, it } from 'vitest'
import { adjacencyMatrix, degrees, KARATE_EDGES, karateClub } from '../src/datasets/index.js'

describe("Zachary's karate club", () => {
  it('has 34 members and 78 distinct undirected friendships', () => {
    expect(KARATE_EDGES.length).toBe(78)
    const keys = new Set(KARATE_EDGES.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`))
    expect(keys.size).toBe(78)
    for (const [a, b] of KARATE_EDGES) {
      expect(a).not.toBe(b)
      expect(Math.min(a, b)).toBeGreaterThanOrEqual(0)
      expect(Math.max(a, b)).toBeLessThan(34)
    }
  })

  it('has the published degrees of the instructor (16) and the administrator (17)', () => {
    const d = degrees(KARATE_EDGES, 34)
    expect(d[0]).toBe(16)
    expect(d[33]).toBe(17)
    expect(d.reduce((a, b) => a + b, 0)).toBe(2 * 78)
  })

  it('splits into two factions of 17, the instructor and the administrator on opposite sides', () => {
    const { y } = karateClub()
    expect(y.shape).toEqual([34])
    const faction1 = Array.from(y.data).filter((label) => label === 1).length
    expect([34 - faction1, faction1]).toEqual([17, 17])
    expect(y.data[0]).toBe(0)
    expect(y.data[33]).toBe(1)
    // Member 9 (Zachary's #10) sided with the administrator; member 8 (#9) with the instructor.
    expect(y.data[9]).toBe(1)
    expect(y.data[8]).toBe(0)
  })

  it('has a symmetric 0/1 adjacency matrix with an empty diagonal and 156 ones', () => {
    const a = adjacencyMatrix(KARATE_EDGES, 34)
    expect(a.shape).toEqual([34, 34])
    let ones = 0
    for (let i = 0; i < 34; i++) {
      expect(a.data[i * 34 + i]).toBe(0)
      for (let j = 0; j < 34; j++) {
        expect(a.data[i * 34 + j]).toBe(a.data[j * 34 + i])
        ones += a.data[i * 34 + j]!
      }
    }
    expect(ones).toBe(156)
    const withLoops = adjacencyMatrix(KARATE_EDGES, 34, { selfLoops: true })
    expect(withLoops.data[0]).toBe(1)
  })

  it('offers identity or degree features and a two-way edge index', () => {
    expect(karateClub().x.shape).toEqual([34, 34])
    const { x, edgeIndex } = karateClub({ features: 'degree' })
    expect(x.shape).toEqual([34, 1])
    expect(x.data[0]).toBe(16)
    expect(edgeIndex.shape).toEqual([2, 156])
    expect(edgeIndex.dtype).toBe('int32')
    expect(() => karateClub({ features: 'random' as 'degree' })).toThrow(
      /features must be 'identity' or 'degree'/,
    )
  })
})
