import { gradcheck, manualSeed, randn, type Tensor, tensor } from '@gradschool/tensor'
import { beforeEach, describe, expect, it } from 'vitest'
import { GRU, LSTM, type Module, RNN } from '../src/index.js'

// ── plain-number reference implementations of PyTorch's documented equations ──────────────

type Vec = number[]
type Mat = number[][]

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v))
const matVec = (w: Mat, x: Vec): Vec => w.map((row) => row.reduce((s, wij, j) => s + wij * x[j]!, 0))
const addV = (...vs: Vec[]): Vec => vs[0]!.map((_, i) => vs.reduce((s, v) => s + v[i]!, 0))
const rows = (w: Mat, from: number, count: number): Mat => w.slice(from, from + count)
const part = (v: Vec, from: number, count: number): Vec => v.slice(from, from + count)

interface LayerWeights {
  wih: Mat
  whh: Mat
  bih: Vec
  bhh: Vec
}

function rnnStep(w: LayerWeights, x: Vec, h: Vec): Vec {
  return addV(matVec(w.wih, x), w.bih, matVec(w.whh, h), w.bhh).map(Math.tanh)
}

function lstmStep(w: LayerWeights, x: Vec, h: Vec, c: Vec, H: number): [Vec, Vec] {
  const gate = (k: number, f: (v: number) => number) =>
    addV(
      matVec(rows(w.wih, k * H, H), x),
      part(w.bih, k * H, H),
      matVec(rows(w.whh, k * H, H), h),
      part(w.bhh, k * H, H),
    ).map(f)
  const i = gate(0, sigmoid)
  const f = gate(1, sigmoid)
  const g = gate(2, Math.tanh)
  const o = gate(3, sigmoid)
  const c2 = c.map((cj, j) => f[j]! * cj + i[j]! * g[j]!)
  const h2 = c2.map((cj, j) => o[j]! * Math.tanh(cj))
  return [h2, c2]
}

function gruStep(w: LayerWeights, x: Vec, h: Vec, H: number): Vec {
  const ih = (k: number) => addV(matVec(rows(w.wih, k * H, H), x), part(w.bih, k * H, H))
  const hh = (k: number) => addV(matVec(rows(w.whh, k * H, H), h), part(w.bhh, k * H, H))
  const r = addV(ih(0), hh(0)).map(sigmoid)
  const z = addV(ih(1), hh(1)).map(sigmoid)
  const hn = hh(2)
  const n = ih(2).map((v, j) => Math.tanh(v + r[j]! * hn[j]!))
  return n.map((nj, j) => (1 - z[j]!) * nj + z[j]! * h[j]!)
}

/** Sets every parameter to fixed values and returns them layer by layer as plain arrays. */
function fixWeights(module: Module, numLayers: number): LayerWeights[] {
  const named = new Map(module.namedParameters())
  let k = 0
  for (const p of named.values())
    for (let i = 0; i < p.data.length; i++) p.data[i] = 0.6 * Math.sin(1.3 * k++ + 0.4)
  const mat = (name: string): Mat => {
    const p = named.get(name)!
    return (p.toArray() as Mat).map((r) => r.slice())
  }
  const vec = (name: string): Vec => Array.from(named.get(name)!.data)
  return Array.from({ length: numLayers }, (_, l) => ({
    wih: mat(`weightIhL${l}`),
    whh: mat(`weightHhL${l}`),
    bih: vec(`biasIhL${l}`),
    bhh: vec(`biasHhL${l}`),
  }))
}

const T = 4
const N = 2
const I = 3
const H = 2
/** x[t][n] as plain numbers. */
const inputs: number[][][] = Array.from({ length: T }, (_, t) =>
  Array.from({ length: N }, (_, n) => Array.from({ length: I }, (_, i) => Math.cos(t + 2 * n + 0.7 * i))),
)
const asTensor = (x: number[][][]) => tensor(x, { dtype: 'float64' })

function expectClose(actual: Tensor, expected: number[], digits = 10): void {
  expect(actual.data.length).toBe(expected.length)
  actual.data.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i]!, digits)
  })
}

beforeEach(() => manualSeed(11))

describe('RNN', () => {
  it('follows h′ = tanh(W_ih x + b_ih + W_hh h + b_hh) over two layers', () => {
    const rnn = new RNN(I, H, { numLayers: 2 }).double()
    const w = fixWeights(rnn, 2)
    const out = rnn.forward(asTensor(inputs))
    const expectedOut: number[] = []
    const finals: Vec[][] = [[], []]
    for (let n = 0; n < N; n++) {
      let h0: Vec = [0, 0]
      let h1: Vec = [0, 0]
      const seq: Vec[] = []
      for (let t = 0; t < T; t++) {
        h0 = rnnStep(w[0]!, inputs[t]![n]!, h0)
        h1 = rnnStep(w[1]!, h0, h1)
        seq.push(h1)
      }
      finals[0]!.push(h0)
      finals[1]!.push(h1)
      expectedOut.push(...seq.flat())
    }
    // expectedOut is [N, T, H]; the output is [T, N, H]
    expectClose(out[0].transpose(0, 1), expectedOut)
    expectClose(out[1], finals.flat(2))
    expect(out[1].shape).toEqual([2, N, H])
  })

  it('accepts batchFirst input, an initial state and unbatched input', () => {
    const rnn = new RNN(I, H).double()
    const x = asTensor(inputs)
    const h0 = randn([1, N, H], { dtype: 'float64' })
    const [timeMajor, hA] = rnn.forward(x, h0)
    const first = new RNN(I, H, { batchFirst: true }).double()
    first.loadStateDict(rnn.stateDict())
    const [batchMajor, hB] = first.forward(x.transpose(0, 1), h0)
    expect(batchMajor.shape).toEqual([N, T, H])
    expectClose(batchMajor.transpose(0, 1), Array.from(timeMajor.data), 12)
    expectClose(hB, Array.from(hA.data), 12)
    const [single, hSingle] = rnn.forward(x.select(1, 0))
    expect(single.shape).toEqual([T, H])
    expect(hSingle.shape).toEqual([1, H])
    expect(() => rnn.forward(x, randn(2, N, H))).toThrow(/expected h0 of shape \[1,2,2\], got \[2,2,2\]/)
    expect(() => rnn.forward(randn(T, N, 5))).toThrow(/RNN\(3, 2\).*inputSize 3.*\[4,2,5\]/)
  })
})

describe('LSTM', () => {
  it('follows PyTorch gate order (i, f, g, o) and c′ = f·c + i·g, h′ = o·tanh(c′)', () => {
    const lstm = new LSTM(I, H, { batchFirst: true }).double()
    const [w] = fixWeights(lstm, 1)
    const h0 = [
      [0.1, -0.2],
      [0.3, 0.05],
    ]
    const c0 = [
      [-0.4, 0.2],
      [0.0, 0.6],
    ]
    const x = asTensor(inputs).transpose(0, 1)
    const [out, [hN, cN]] = lstm.forward(x, [
      tensor([h0], { dtype: 'float64' }),
      tensor([c0], { dtype: 'float64' }),
    ])
    const expected: number[] = []
    const hs: number[] = []
    const cs: number[] = []
    for (let n = 0; n < N; n++) {
      let h = h0[n]!
      let c = c0[n]!
      for (let t = 0; t < T; t++) {
        ;[h, c] = lstmStep(w!, inputs[t]![n]!, h, c, H)
        expected.push(...h)
      }
      hs.push(...h)
      cs.push(...c)
    }
    expect(out.shape).toEqual([N, T, H])
    expectClose(out, expected)
    expectClose(hN, hs)
    expectClose(cN, cs)
  })
})

describe('GRU', () => {
  it('follows r, z, n = tanh(W_in x + b_in + r·(W_hn h + b_hn)), h′ = (1 − z)·n + z·h', () => {
    const gru = new GRU(I, H).double()
    const [w] = fixWeights(gru, 1)
    const [out, hN] = gru.forward(asTensor(inputs))
    const expected: number[][] = Array.from({ length: T }, () => [])
    const finals: number[] = []
    for (let n = 0; n < N; n++) {
      let h: Vec = [0, 0]
      for (let t = 0; t < T; t++) {
        h = gruStep(w!, inputs[t]![n]!, h, H)
        expected[t]!.push(...h)
      }
      finals.push(...h)
    }
    expectClose(out, expected.flat())
    expectClose(hN, finals)
  })
})

describe('recurrent gradients', () => {
  const x = () => randn([3, 2, 2], { dtype: 'float64', requiresGrad: true })

  it('RNN passes gradcheck (two layers)', () => {
    const rnn = new RNN(2, 3, { numLayers: 2 }).double()
    const input = x()
    expect(gradcheck(() => rnn.forward(input)[0], [input, ...rnn.parameters()])).toBe(true)
  })

  it('LSTM passes gradcheck through the output and the final cell state', () => {
    const lstm = new LSTM(2, 2).double()
    const input = x()
    const h0 = randn([1, 2, 2], { dtype: 'float64', requiresGrad: true })
    const c0 = randn([1, 2, 2], { dtype: 'float64', requiresGrad: true })
    const run = () => {
      const [out, [, c]] = lstm.forward(input, [h0, c0])
      return out.sum(0).add(c.squeeze(0))
    }
    expect(gradcheck(run, [input, h0, c0, ...lstm.parameters()])).toBe(true)
  })

  it('GRU passes gradcheck', () => {
    const gru = new GRU(2, 2, { batchFirst: true }).double()
    const input = x()
    expect(gradcheck(() => gru.forward(input)[1], [input, ...gru.parameters()])).toBe(true)
  })

  it('initialises every weight within ±1/√hidden and names them like PyTorch', () => {
    const lstm = new LSTM(3, 4, { numLayers: 2 })
    expect(lstm.namedParameters().map(([n, p]) => `${n}:${p.shape.join('x')}`)).toEqual([
      'weightIhL0:16x3',
      'weightHhL0:16x4',
      'biasIhL0:16',
      'biasHhL0:16',
      'weightIhL1:16x4',
      'weightHhL1:16x4',
      'biasIhL1:16',
      'biasHhL1:16',
    ])
    for (const p of lstm.parameters()) for (const v of p.data) expect(Math.abs(v)).toBeLessThanOrEqual(0.5)
  })

  it('inter-layer dropout only acts in train mode', () => {
    const gru = new GRU(2, 3, { numLayers: 2, dropout: 0.5 })
    const input = randn(4, 1, 2)
    gru.eval()
    const a = gru.forward(input)[0]
    const b = gru.forward(input)[0]
    expect(Array.from(a.data)).toEqual(Array.from(b.data))
    gru.train()
    const c = gru.forward(input)[0]
    expect(Array.from(c.data)).not.toEqual(Array.from(a.data))
  })
})
