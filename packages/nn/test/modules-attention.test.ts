import { gradcheck, manualSeed, randn, type Tensor, tensor } from '@gradschool/tensor'
import { beforeEach, describe, expect, it } from 'vitest'
import { generateSquareSubsequentMask, MultiheadAttention, TransformerEncoderLayer } from '../src/index.js'

type Mat = number[][]

const matVec = (w: Mat, x: number[]): number[] => w.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0))
const softmax = (v: number[]): number[] => {
  const m = Math.max(...v)
  const e = v.map((x) => (x === Number.NEGATIVE_INFINITY ? 0 : Math.exp(x - m)))
  const s = e.reduce((a, b) => a + b, 0)
  return e.map((x) => x / s)
}

/**
 * Plain-number multi-head attention for one batch element: q, k, v are [length][E]; mask[i][j]
 * is added to the scores. Returns the output rows and the head-averaged weights.
 */
function referenceAttention(
  wIn: Mat,
  bIn: number[],
  wOut: Mat,
  bOut: number[],
  heads: number,
  q: Mat,
  k: Mat,
  v: Mat,
  mask: Mat | null,
): { out: Mat; weights: Mat } {
  const E = q[0]!.length
  const d = E / heads
  const proj = (x: number[], part: number) =>
    matVec(wIn.slice(part * E, (part + 1) * E), x).map((y, i) => y + bIn[part * E + i]!)
  const Q = q.map((x) => proj(x, 0))
  const K = k.map((x) => proj(x, 1))
  const V = v.map((x) => proj(x, 2))
  const weights: Mat = q.map(() => k.map(() => 0))
  const concat: Mat = q.map(() => new Array(E).fill(0))
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < q.length; i++) {
      const scores = K.map((kj, j) => {
        let s = 0
        for (let c = h * d; c < (h + 1) * d; c++) s += Q[i]![c]! * kj[c]!
        return s / Math.sqrt(d) + (mask ? mask[i]![j]! : 0)
      })
      const p = softmax(scores)
      p.forEach((pj, j) => {
        weights[i]![j]! += pj / heads
        for (let c = h * d; c < (h + 1) * d; c++) concat[i]![c]! += pj * V[j]![c]!
      })
    }
  }
  return { out: concat.map((row) => matVec(wOut, row).map((y, i) => y + bOut[i]!)), weights }
}

function fixed(t: Tensor, phase: number): void {
  for (let i = 0; i < t.data.length; i++) t.data[i] = 0.5 * Math.sin(0.9 * i + phase)
}

const L = 3
const S = 4
const N = 2
const E = 4
const heads = 2

function setup(batchFirst: boolean) {
  const mha = new MultiheadAttention(E, heads, { batchFirst }).double()
  fixed(mha.inProjWeight, 0.1)
  fixed(mha.inProjBias!, 1.2)
  fixed(mha.outProj.weight, 2.3)
  fixed(mha.outProj.bias!, 3.4)
  const q = Array.from({ length: N }, (_, n) =>
    Array.from({ length: L }, (_, i) => Array.from({ length: E }, (_, c) => Math.cos(n + 2 * i + c))),
  )
  const kv = Array.from({ length: N }, (_, n) =>
    Array.from({ length: S }, (_, j) => Array.from({ length: E }, (_, c) => Math.sin(3 * n + j - c))),
  )
  const weightsOf = () => ({
    wIn: mha.inProjWeight.toArray() as Mat,
    bIn: Array.from(mha.inProjBias!.data),
    wOut: mha.outProj.weight.toArray() as Mat,
    bOut: Array.from(mha.outProj.bias!.data),
  })
  return { mha, q, kv, ...weightsOf() }
}

function expectClose(actual: Tensor, expected: number[], digits = 10): void {
  expect(actual.data.length).toBe(expected.length)
  actual.data.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i]!, digits)
  })
}

beforeEach(() => manualSeed(5))

describe('MultiheadAttention', () => {
  it('matches per-head softmax(q·kᵀ/√d)·v with packed projections (batchFirst)', () => {
    const { mha, q, kv, wIn, bIn, wOut, bOut } = setup(true)
    const [out, weights] = mha.forward(
      tensor(q, { dtype: 'float64' }),
      tensor(kv, { dtype: 'float64' }),
      tensor(kv, { dtype: 'float64' }),
    )
    expect(out.shape).toEqual([N, L, E])
    expect(weights!.shape).toEqual([N, L, S])
    const ref = q.map((qn, n) => referenceAttention(wIn, bIn, wOut, bOut, heads, qn, kv[n]!, kv[n]!, null))
    expectClose(
      out,
      ref.flatMap((r) => r.out.flat()),
    )
    expectClose(
      weights!,
      ref.flatMap((r) => r.weights.flat()),
    )
  })

  it('uses [L, N, E] layout by default', () => {
    const a = setup(true)
    const b = setup(false)
    const q = tensor(a.q, { dtype: 'float64' })
    const kv = tensor(a.kv, { dtype: 'float64' })
    const [outFirst] = a.mha.forward(q, kv, kv)
    const [outSeq, w] = b.mha.forward(q.transpose(0, 1), kv.transpose(0, 1), kv.transpose(0, 1))
    expect(outSeq.shape).toEqual([L, N, E])
    expect(w!.shape).toEqual([N, L, S])
    expectClose(outSeq.transpose(0, 1), Array.from(outFirst.data), 12)
  })

  it('applies an additive attention mask and a key padding mask', () => {
    const { mha, q, kv, wIn, bIn, wOut, bOut } = setup(true)
    const mask: Mat = [
      [0, Number.NEGATIVE_INFINITY, 0, 0],
      [0, 0, -1, 0],
      [0, 0, 0, Number.NEGATIVE_INFINITY],
    ]
    const padding = tensor([
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ])
    const [out, weights] = mha.forward(
      tensor(q, { dtype: 'float64' }),
      tensor(kv, { dtype: 'float64' }),
      tensor(kv, { dtype: 'float64' }),
      {
        attnMask: tensor(mask, { dtype: 'float64' }),
        keyPaddingMask: padding,
      },
    )
    const maskFor = (n: number): Mat =>
      mask.map((row) => row.map((m, j) => (n === 0 && j === 3 ? Number.NEGATIVE_INFINITY : m)))
    const ref = q.map((qn, n) =>
      referenceAttention(wIn, bIn, wOut, bOut, heads, qn, kv[n]!, kv[n]!, maskFor(n)),
    )
    expectClose(
      out,
      ref.flatMap((r) => r.out.flat()),
    )
    expectClose(
      weights!,
      ref.flatMap((r) => r.weights.flat()),
    )
    // padded key 3 of batch 0 gets no attention at all
    for (let i = 0; i < L; i++) expect(weights!.data[i * S + 3]).toBe(0)
  })

  it('returns per-head weights or none when asked', () => {
    const { mha } = setup(true)
    const x = randn([N, L, E], { dtype: 'float64' })
    const [, perHead] = mha.forward(x, x, x, { averageAttnWeights: false })
    expect(perHead!.shape).toEqual([N, heads, L, L])
    expect(mha.forward(x, x, x, { needWeights: false })[1]).toBeNull()
  })

  it('builds a causal mask', () => {
    expect(generateSquareSubsequentMask(3).toArray()).toEqual([
      [0, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
      [0, 0, Number.NEGATIVE_INFINITY],
      [0, 0, 0],
    ])
  })

  it('passes gradcheck with respect to inputs and parameters', () => {
    const mha = new MultiheadAttention(4, 2).double()
    const q = randn([2, 1, 4], { dtype: 'float64', requiresGrad: true })
    const kv = randn([3, 1, 4], { dtype: 'float64', requiresGrad: true })
    const mask = generateSquareSubsequentMask(3).narrow(0, 0, 2).double()
    expect(gradcheck(() => mha.forward(q, kv, kv, { attnMask: mask })[0], [q, kv, ...mha.parameters()])).toBe(
      true,
    )
  })

  it('rejects bad shapes with a clear message', () => {
    const mha = new MultiheadAttention(4, 2)
    expect(() => new MultiheadAttention(6, 4)).toThrow(/embedDim 6 must be divisible by numHeads 4/)
    expect(() => mha.forward(randn(3, 2, 5), randn(3, 2, 4), randn(3, 2, 4))).toThrow(
      /expected query of shape \[L,N,4\], got \[3,2,5\]/,
    )
    expect(() =>
      mha.forward(randn(3, 2, 4), randn(3, 2, 4), randn(3, 2, 4), { attnMask: randn(2, 2) }),
    ).toThrow(/attnMask must have shape \[3,3\]/)
  })
})

describe('TransformerEncoderLayer', () => {
  it('is post-norm: norm2(x + ff(x)) after x = norm1(src + selfAttn(src)) (eval mode)', () => {
    const layer = new TransformerEncoderLayer(4, 2, { dimFeedforward: 8, batchFirst: true }).double().eval()
    const src = randn([2, 3, 4], { dtype: 'float64' })
    const [attended] = layer.selfAttn.forward(src, src, src)
    const x = layer.norm1.forward(src.add(attended))
    const ff = layer.linear2.forward(layer.linear1.forward(x).relu())
    expectClose(layer.forward(src), Array.from(layer.norm2.forward(x.add(ff)).data), 12)
  })

  it('is pre-norm with normFirst and uses GELU when asked', () => {
    const layer = new TransformerEncoderLayer(4, 2, {
      dimFeedforward: 8,
      batchFirst: true,
      normFirst: true,
      activation: 'gelu',
    })
      .double()
      .eval()
    const src = randn([2, 3, 4], { dtype: 'float64' })
    const n1 = layer.norm1.forward(src)
    const x = src.add(layer.selfAttn.forward(n1, n1, n1)[0])
    const ff = layer.linear2.forward(layer.linear1.forward(layer.norm2.forward(x)).gelu())
    expectClose(layer.forward(src), Array.from(x.add(ff).data), 12)
  })

  it('keeps the shape, applies dropout only in train mode and passes gradcheck', () => {
    const layer = new TransformerEncoderLayer(4, 2, { dimFeedforward: 6, dropout: 0.3 }).double()
    const src = randn([3, 2, 4], { dtype: 'float64', requiresGrad: true })
    expect(layer.forward(src).shape).toEqual([3, 2, 4])
    const a = layer.forward(src)
    const b = layer.forward(src)
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data))
    layer.eval()
    expect(Array.from(layer.forward(src).data)).toEqual(Array.from(layer.forward(src).data))
    const mask = generateSquareSubsequentMask(3).double()
    expect(gradcheck(() => layer.forward(src, { srcMask: mask }), [src, ...layer.parameters()])).toBe(true)
  })
})
