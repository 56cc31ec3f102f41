import { gradcheck, manualSeed, randn, tensor } from '@gradschool/tensor'
import { beforeEach, describe, expect, it } from 'vitest'
import { Adam, crossEntropy, GCNConv, normalizedAdjacency } from '../src/index.js'

beforeEach(() => manualSeed(4))

describe('normalizedAdjacency', () => {
  it('is D^-1/2 (A + I) D^-1/2 (hand-computed on the path 0–1–2)', () => {
    // A + I = [[1,1,0],[1,1,1],[0,1,1]], degrees 2, 3, 2
    const r6 = 1 / Math.sqrt(6)
    const expected = [1 / 2, r6, 0, r6, 1 / 3, r6, 0, r6, 1 / 2]
    const fromPairs = normalizedAdjacency(
      [
        [0, 1],
        [1, 2],
      ],
      3,
    )
    Array.from(fromPairs.data).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 15)
    })
    const fromTensor = normalizedAdjacency(
      tensor(
        [
          [0, 2],
          [1, 1],
        ],
        { dtype: 'int32' },
      ),
      3,
    )
    const fromDense = normalizedAdjacency(
      tensor([
        [0, 1, 0],
        [1, 0, 1],
        [0, 1, 0],
      ]),
      3,
    )
    expect(Array.from(fromTensor.data)).toEqual(Array.from(fromPairs.data))
    expect(Array.from(fromDense.data)).toEqual(Array.from(fromPairs.data))
  })

  it('treats repeated and reversed edges as one undirected edge; isolated nodes keep their own features', () => {
    const a = normalizedAdjacency(
      [
        [0, 1],
        [1, 0],
        [0, 1],
      ],
      3,
    )
    expect(Array.from(a.data)).toEqual([0.5, 0.5, 0, 0.5, 0.5, 0, 0, 0, 1].map((v) => expect.closeTo(v, 15)))
    expect(() => normalizedAdjacency([[0, 3]], 3)).toThrow(
      /edge \[0,3\] names node 3, but node indices must be in 0\.\.2/,
    )
    expect(() => normalizedAdjacency(tensor([[0, 1]]), 3)).toThrow(/dense adjacency must be \[3,3\]/)
  })
})

describe('GCNConv', () => {
  it('computes Â·X·Wᵀ + b', () => {
    const conv = new GCNConv(2, 1)
    conv.weight.data.set([1, -1])
    conv.bias!.data.set([0.5])
    const x = tensor(
      [
        [1, 0],
        [0, 1],
        [2, 2],
      ],
      { dtype: 'float64' },
    )
    const out = conv.forward(x, [
      [0, 1],
      [1, 2],
    ])
    // X·Wᵀ = [1, -1, 0]; Â row i dotted with it, plus 0.5
    const r6 = 1 / Math.sqrt(6)
    const expected = [0.5 - r6, r6 - 1 / 3, -r6].map((v) => v + 0.5)
    Array.from(out.data).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 6)
    })
    expect(out.shape).toEqual([3, 1])
  })

  it('passes gradcheck and checks the feature shape', () => {
    const conv = new GCNConv(3, 2).double()
    const x = randn([4, 3], { dtype: 'float64', requiresGrad: true })
    expect(
      gradcheck(
        () =>
          conv.forward(x, [
            [0, 1],
            [1, 2],
            [2, 3],
            [3, 0],
          ]),
        [x, ...conv.parameters()],
      ),
    ).toBe(true)
    expect(() => conv.forward(randn(4, 2), [[0, 1]])).toThrow(/GCNConv\(3, 2\).*\[numNodes,3\], got \[4,2\]/)
  })

  it('separates two cliques joined by one edge from two labelled nodes per side', () => {
    // cliques {0..4} and {5..9}, bridged by 4–5; only nodes 0, 1, 8, 9 have labels
    const edges: [number, number][] = [[4, 5]]
    for (const base of [0, 5])
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) edges.push([base + i, base + j])
    const features = tensor(
      Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => (i === j ? 1 : 0))),
    )
    const labels = Array.from({ length: 10 }, (_, i) => (i < 5 ? 0 : 1))
    const labelled = [0, 1, 8, 9]
    const conv1 = new GCNConv(10, 8)
    const conv2 = new GCNConv(8, 2)
    const forward = () => conv2.forward(conv1.forward(features, edges).relu(), edges)
    const optimizer = new Adam([...conv1.parameters(), ...conv2.parameters()], { lr: 0.05 })
    const target = tensor(
      labelled.map((i) => labels[i]!),
      { dtype: 'int32' },
    )
    for (let step = 0; step < 100; step++) {
      optimizer.zeroGrad()
      crossEntropy(forward().indexSelect(0, labelled), target).backward()
      optimizer.step()
    }
    expect(Array.from(forward().argmax(1).data)).toEqual(labels)
  })
})
