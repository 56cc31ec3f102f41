/**
 * The wasm backend must agree with the TypeScript one: kernel by kernel on random shapes (odd
 * sizes, 1×N, N×1, empty), on one thread and split across helper threads, and op by op through
 * a forward and backward pass. Exact where float32 arithmetic is exact, within float32 error
 * bounds where the order of a sum or the exp implementation differs.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BinaryOp, UnaryOp } from '../src/backend/backend.js'
import { jsBackend } from '../src/backend/js.js'
import { createWasmBackend, loadWasmBackend, type WasmBackend } from '../src/backend/wasm/index.js'
import { canShareMemory, compileSync } from '../src/backend/wasm/instance.js'
import {
  getBackend,
  getNumThreads,
  manualSeed,
  randn,
  ready,
  setBackend,
  setNumThreads,
  type Tensor,
} from '../src/index.js'

const F32_EPS = 2 ** -23

/** A wasm backend with every cut-off at 0, so each call takes the wasm kernels. */
function forcedWasm(threads: number): WasmBackend {
  const backend = createWasmBackend(compileSync(threads > 1))
  backend.setThreads(threads)
  backend.setCutoffs({ matmul: 0, elementwise: 0, parallel: threads > 1 ? 0 : Number.POSITIVE_INFINITY })
  return backend
}

const single = forcedWasm(1)
const threaded = forcedWasm(2)

beforeAll(async () => {
  // Helpers start asynchronously; wait until one takes work, so the split path really runs.
  const deadline = Date.now() + 20_000
  while (threaded.readyThreads() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
})

/** float32 values in [-2, 2], a `zeros` share of them exactly 0 (sparse operands). */
function valuesArb(length: number, zeros = 0): fc.Arbitrary<Float32Array> {
  return fc
    .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.float({ min: -2, max: 2, noNaN: true })), {
      minLength: length,
      maxLength: length,
    })
    .map((pairs) => Float32Array.from(pairs, ([u, v]) => (u < zeros ? 0 : v)))
}

const dim = fc.oneof(
  fc.constant(0),
  fc.constant(1),
  fc.integer({ min: 1, max: 23 }),
  fc.integer({ min: 24, max: 70 }),
)

const matmulCase = fc
  .record({
    m: dim,
    k: dim,
    n: dim,
    transA: fc.boolean(),
    transB: fc.boolean(),
    zerosA: fc.constantFrom(0, 0.9),
    zerosB: fc.constantFrom(0, 0.9),
  })
  .chain((c) =>
    fc.record({ c: fc.constant(c), a: valuesArb(c.m * c.k, c.zerosA), b: valuesArb(c.k * c.n, c.zerosB) }),
  )

/** Reference product in float64 plus Σ|a||b| per entry (the scale of float32 rounding error). */
function reference(
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  transA: boolean,
  transB: boolean,
) {
  const value = new Float64Array(m * n)
  const scale = new Float64Array(m * n)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0
      let abs = 0
      for (let p = 0; p < k; p++) {
        const x = transA ? a[p * m + i]! : a[i * k + p]!
        const y = transB ? b[j * k + p]! : b[p * n + j]!
        s += x * y
        abs += Math.abs(x * y)
      }
      value[i * n + j] = s
      scale[i * n + j] = abs
    }
  }
  return { value, scale }
}

describe('wasm and js backends agree', () => {
  it('the asynchronous load (for engines that refuse synchronous compiles) gives a working backend', async () => {
    const loaded = await loadWasmBackend()
    expect(loaded?.name).toBe('wasm')
    const out = new Float32Array(4)
    loaded!.setCutoffs({ matmul: 0 })
    loaded!.matmul(
      Float32Array.from([1, 2, 3, 4]),
      Float32Array.from([5, 6, 7, 8]),
      out,
      2,
      2,
      2,
      false,
      false,
    )
    expect(Array.from(out)).toEqual([19, 22, 43, 50])
  })

  it('helper threads start in Node', () => {
    expect(canShareMemory()).toBe(true)
    expect(threaded.readyThreads()).toBe(2)
  })

  for (const [label, wasm] of [
    ['one thread', single],
    ['two threads', threaded],
  ] as const) {
    it(`matmul on ${label}: dense and sparse, every transpose, within float32 error of float64`, () => {
      fc.assert(
        fc.property(matmulCase, ({ c: { m, k, n, transA, transB }, a, b }) => {
          const got = new Float32Array(m * n).fill(Number.NaN)
          const js = new Float32Array(m * n)
          wasm.matmul(a, b, got, m, k, n, transA, transB)
          jsBackend.matmul(a, b, js, m, k, n, transA, transB)
          const { value, scale } = reference(a, b, m, k, n, transA, transB)
          for (let i = 0; i < m * n; i++) {
            const bound = (k + 2) * F32_EPS * scale[i]! + 1e-30
            expect(Math.abs(got[i]! - value[i]!)).toBeLessThanOrEqual(bound)
            expect(Math.abs(got[i]! - js[i]!)).toBeLessThanOrEqual(2 * bound)
          }
        }),
        { numRuns: 150 },
      )
    })
  }

  it('a sparse operand times ∞ or NaN still gives NaN, as the dense product does (0·∞ = NaN)', () => {
    for (const special of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const m = 6
      const k = 40
      const n = 9
      const a = new Float32Array(m * k) // all zeros: as sparse as it gets
      a[3] = 1
      const b = new Float32Array(k * n).fill(0.5)
      b[7 * n + 2] = special
      const out = new Float32Array(m * n)
      single.matmul(a, b, out, m, k, n, false, false)
      const js = new Float32Array(m * n)
      jsBackend.matmul(a, b, js, m, k, n, false, false)
      expect(Array.from(out, Number.isNaN)).toEqual(Array.from(js, Number.isNaN))
      expect(Number.isNaN(out[2]!)).toBe(true)
      // And with the sparse operand on the right.
      const outT = new Float32Array(n * m)
      single.matmul(b, a, outT, n, k, m, true, true)
      expect(Number.isNaN(outT[2 * m]!)).toBe(true)
    }
  })

  const exactBinary: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum']
  it('binary ops are bit-identical (same shape, scalar either side, a row broadcast down a batch)', () => {
    const shapeCase = fc.record({
      rows: fc.integer({ min: 1, max: 9 }),
      cols: fc.integer({ min: 1, max: 13 }),
    })
    fc.assert(
      fc.property(
        fc.constantFrom(...exactBinary),
        fc.constantFrom('same', 'scalarLeft', 'scalarRight', 'row'),
        shapeCase.chain((s) =>
          fc.record({
            s: fc.constant(s),
            a: valuesArb(s.rows * s.cols, 0.2),
            b: valuesArb(s.rows * s.cols, 0.2),
          }),
        ),
        (op, layout, { s, a, b }) => {
          const n = s.rows * s.cols
          const shape = [s.rows, s.cols]
          let left: Float32Array = a
          let right: Float32Array = b
          let aStrides = [s.cols, 1]
          let bStrides = [s.cols, 1]
          if (layout === 'scalarLeft') [left, aStrides] = [a.subarray(0, 1), [0, 0]]
          if (layout === 'scalarRight') [right, bStrides] = [b.subarray(0, 1), [0, 0]]
          if (layout === 'row') [right, bStrides] = [b.subarray(0, s.cols), [0, 1]]
          const got = new Float32Array(n)
          const want = new Float32Array(n)
          single.binary(op, left, aStrides, right, bStrides, got, shape)
          jsBackend.binary(op, left, aStrides, right, bStrides, want, shape)
          expect(got).toEqual(want)
        },
      ),
      { numRuns: 200 },
    )
  })

  const exactUnary: UnaryOp[] = ['relu', 'neg', 'abs', 'square', 'sqrt', 'reciprocal']
  const approxUnary: UnaryOp[] = ['exp', 'log', 'sigmoid', 'tanh']
  it('unary ops: exact ones bit-identical, exp/log/sigmoid/tanh within 2 ulp, specials alike', () => {
    const specials = Float32Array.from([
      0,
      -0,
      1,
      -1,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      1e-40,
      -1e-40,
      88,
      -88,
      100,
    ])
    fc.assert(
      fc.property(fc.constantFrom(...exactUnary, ...approxUnary), valuesArb(37, 0.1), (op, values) => {
        const input = new Float32Array([...values, ...specials])
        if (op === 'log' || op === 'sqrt')
          for (let i = 0; i < values.length; i++) input[i] = Math.abs(input[i]!)
        const got = new Float32Array(input.length)
        const want = new Float32Array(input.length)
        single.unary(op, input, got, 0)
        jsBackend.unary(op, input, want, 0)
        if (exactUnary.includes(op)) expect(got).toEqual(want)
        else {
          for (let i = 0; i < input.length; i++) {
            if (Number.isNaN(want[i]!) || !Number.isFinite(want[i]!)) expect(got[i]).toBe(want[i])
            else
              expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(
                2 * F32_EPS * Math.abs(want[i]!) + 1e-44,
              )
          }
        }
      }),
      { numRuns: 100 },
    )
  })

  it('relu, sigmoid and tanh backward agree within float32 rounding given the same forward output', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<UnaryOp>('relu', 'sigmoid', 'tanh'),
        valuesArb(29, 0.2),
        valuesArb(29),
        (op, x, g) => {
          const y = new Float32Array(x.length)
          jsBackend.unary(op, x, y, 0)
          const got = new Float32Array(x.length)
          const want = new Float32Array(x.length)
          single.unaryGrad(op, x, y, g, got, 0)
          jsBackend.unaryGrad(op, x, y, g, want, 0)
          // 1 − y² cancels when |y| is near 1: bound the error by the size of the terms, not the result.
          for (let i = 0; i < x.length; i++) {
            const terms = Math.abs(g[i]!) * (1 + y[i]! * y[i]!)
            expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(4 * F32_EPS * terms + 1e-44)
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it('sums over any axis of [outer, size, inner] agree within float32 rounding', () => {
    const axisCase = fc
      .record({
        outer: fc.integer({ min: 0, max: 5 }),
        size: fc.integer({ min: 0, max: 40 }),
        inner: fc.integer({ min: 1, max: 11 }),
      })
      .chain((c) => fc.record({ c: fc.constant(c), a: valuesArb(c.outer * c.size * c.inner) }))
    fc.assert(
      fc.property(axisCase, ({ c: { outer, size, inner }, a }) => {
        const got = new Float32Array(outer * inner).fill(Number.NaN)
        const want = new Float32Array(outer * inner)
        single.reduce('sum', a, got, outer, size, inner)
        jsBackend.reduce('sum', a, want, outer, size, inner)
        for (let o = 0; o < outer; o++) {
          for (let j = 0; j < inner; j++) {
            let scale = 0
            for (let s = 0; s < size; s++) scale += Math.abs(a[(o * size + s) * inner + j]!)
            expect(Math.abs(got[o * inner + j]! - want[o * inner + j]!)).toBeLessThanOrEqual(
              (size + 1) * F32_EPS * scale,
            )
          }
        }
      }),
      { numRuns: 150 },
    )
  })

  it('softmax and log-softmax rows, forward and backward, agree to 1e-6', () => {
    const rowsCase = fc
      .record({
        rows: fc.integer({ min: 1, max: 6 }),
        size: fc.integer({ min: 1, max: 17 }),
        log: fc.boolean(),
      })
      .chain((c) =>
        fc.record({ c: fc.constant(c), a: valuesArb(c.rows * c.size), g: valuesArb(c.rows * c.size) }),
      )
    fc.assert(
      fc.property(rowsCase, ({ c: { rows, size, log }, a, g }) => {
        const n = rows * size
        const y = new Float32Array(n)
        const yJs = new Float32Array(n)
        single.softmax(a, y, rows, size, 1, log)
        jsBackend.softmax(a, yJs, rows, size, 1, log)
        for (let i = 0; i < n; i++) expect(Math.abs(y[i]! - yJs[i]!)).toBeLessThanOrEqual(1e-6)
        const dx = new Float32Array(n)
        const dxJs = new Float32Array(n)
        single.softmaxGrad(yJs, g, dx, rows, size, 1, log)
        jsBackend.softmaxGrad(yJs, g, dxJs, rows, size, 1, log)
        for (let i = 0; i < n; i++) expect(Math.abs(dx[i]! - dxJs[i]!)).toBeLessThanOrEqual(1e-6)
      }),
      { numRuns: 100 },
    )
  })

  it('fused Adam/AdamW steps (L2, decoupled, AMSGrad) follow the TypeScript step within float32 rounding', () => {
    const caseArb = fc.record({
      n: fc.integer({ min: 1, max: 45 }),
      amsgrad: fc.boolean(),
      decoupled: fc.boolean(),
      weightDecay: fc.constantFrom(0, 0.01, 0.1),
      lr: fc.constantFrom(1e-3, 0.1),
    })
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            p: valuesArb(c.n),
            grads: fc.array(valuesArb(c.n), { minLength: 1, maxLength: 5 }),
          }),
        ),
        ({ c, p, grads }) => {
          // `single` copies state per step (plain memory); `threaded` keeps it resident (shared memory).
          const states = [single, threaded, jsBackend].map((backend) => ({
            backend,
            param: Float32Array.from(p),
            m: backend.allocateState(c.n, 'float32'),
            v: backend.allocateState(c.n, 'float32'),
            vMax: c.amsgrad ? backend.allocateState(c.n, 'float32') : null,
          }))
          grads.forEach((grad, t) => {
            const hyper = {
              lr: c.lr,
              beta1: 0.9,
              beta2: 0.999,
              eps: 1e-8,
              weightDecay: c.weightDecay,
              decoupled: c.decoupled,
              step: t + 1,
            }
            for (const s of states) s.backend.adamStep(s.param, grad, s.m, s.v, s.vMax, hyper)
          })
          const js = states[2]!
          const bound = grads.length * (1e-5 * c.lr + 8 * F32_EPS * 3)
          for (const wasm of states.slice(0, 2)) {
            for (let i = 0; i < c.n; i++)
              expect(Math.abs(wasm.param[i]! - js.param[i]!)).toBeLessThanOrEqual(bound)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  const geometryArb = fc
    .record({
      channels: fc.integer({ min: 1, max: 3 }),
      height: fc.integer({ min: 1, max: 9 }),
      width: fc.integer({ min: 1, max: 9 }),
      kernelH: fc.integer({ min: 1, max: 3 }),
      kernelW: fc.integer({ min: 1, max: 3 }),
      strideH: fc.integer({ min: 1, max: 2 }),
      strideW: fc.integer({ min: 1, max: 2 }),
      padH: fc.integer({ min: 0, max: 1 }),
      padW: fc.integer({ min: 0, max: 1 }),
      batch: fc.integer({ min: 1, max: 3 }),
    })
    .filter((g) => g.height + 2 * g.padH >= g.kernelH && g.width + 2 * g.padW >= g.kernelW)
    .map((g) => ({
      ...g,
      outH: Math.floor((g.height + 2 * g.padH - g.kernelH) / g.strideH) + 1,
      outW: Math.floor((g.width + 2 * g.padW - g.kernelW) / g.strideW) + 1,
    }))

  it('im2col and col2im over a batch, with stride and padding, are bit-identical', () => {
    fc.assert(
      fc.property(
        geometryArb.chain((g) =>
          fc.record({ g: fc.constant(g), x: valuesArb(g.batch * g.channels * g.height * g.width + 5) }),
        ),
        ({ g, x }) => {
          const colLength = g.channels * g.kernelH * g.kernelW * g.batch * g.outH * g.outW
          const got = new Float32Array(colLength).fill(Number.NaN)
          const want = new Float32Array(colLength).fill(Number.NaN)
          // Offset 5: the batch starts inside a larger array.
          single.im2col(x, 5, g, g.batch, got)
          jsBackend.im2col(x, 5, g, g.batch, want)
          expect(got).toEqual(want)
          const back = new Float32Array(x.length).fill(0.5)
          const backJs = new Float32Array(x.length).fill(0.5)
          single.col2im(want, g, g.batch, back, 5)
          jsBackend.col2im(want, g, g.batch, backJs, 5)
          expect(back).toEqual(backJs)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('max and average pooling agree, argmax indices included (NaN wins, as PyTorch)', () => {
    fc.assert(
      fc.property(
        geometryArb
          .filter((g) => 2 * g.padH <= g.kernelH && 2 * g.padW <= g.kernelW)
          .chain((g) =>
            fc.record({
              g: fc.constant(g),
              x: valuesArb(g.channels * g.height * g.width, 0.3),
              nan: fc.boolean(),
            }),
          ),
        ({ g, x, nan }) => {
          if (nan) x[Math.floor(x.length / 2)] = Number.NaN
          for (const op of ['max', 'avg'] as const) {
            const outLength = g.channels * g.outH * g.outW
            const got = new Float32Array(outLength)
            const want = new Float32Array(outLength)
            const gotAt = op === 'max' ? new Int32Array(outLength) : null
            const wantAt = op === 'max' ? new Int32Array(outLength) : null
            single.pool2d(op, x, 0, g, got, 0, gotAt)
            jsBackend.pool2d(op, x, 0, g, want, 0, wantAt)
            if (op === 'max') {
              expect(got).toEqual(want)
              expect(gotAt).toEqual(wantAt)
            } else {
              for (let i = 0; i < outLength; i++) {
                if (Number.isNaN(want[i]!)) expect(got[i]).toBeNaN()
                else expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(want[i]!)))
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('other dtypes and strided broadcasts fall through to the TypeScript kernels unchanged', () => {
    const a = Float64Array.from({ length: 12 }, (_, i) => i / 3)
    const b = Float64Array.from({ length: 12 }, (_, i) => 1 - i / 7)
    const got = new Float64Array(9)
    const want = new Float64Array(9)
    single.matmul(a, b, got, 3, 4, 3, false, false)
    jsBackend.matmul(a, b, want, 3, 4, 3, false, false)
    expect(got).toEqual(want)
    // A column broadcast ([3,1] against [3,4]) has no wasm kernel.
    const col = Float32Array.from([1, 2, 3])
    const full = Float32Array.from({ length: 12 }, (_, i) => i)
    const out = new Float32Array(12)
    single.binary('mul', full, [4, 1], col, [1, 0], out, [3, 4])
    expect(Array.from(out)).toEqual([0, 1, 2, 3, 8, 10, 12, 14, 24, 27, 30, 33])
  })
})

describe('a forward and backward pass gives the same numbers on both backends', () => {
  function mlpGradients(): number[][] {
    manualSeed(7)
    const x = randn(33, 50)
    const w1 = randn(50, 70).mul(0.2).requiresGrad_()
    const w2 = randn(70, 10).mul(0.2).requiresGrad_()
    const hidden = x.matmul(w1).relu()
    const loss = hidden.matmul(w2).logSoftmax(1).sum(1).mean()
    loss.backward()
    return [loss, w1.grad!, w2.grad!].map((t: Tensor) => Array.from(t.data))
  }

  it('a 50-70-10 MLP: loss and weight gradients within 1e-4 relative', () => {
    const before = getBackend()
    try {
      setBackend('js')
      const js = mlpGradients()
      setBackend('wasm')
      const wasm = mlpGradients()
      for (let t = 0; t < js.length; t++) {
        const scale = Math.max(...js[t]!.map(Math.abs))
        for (let i = 0; i < js[t]!.length; i++)
          expect(Math.abs(wasm[t]![i]! - js[t]![i]!)).toBeLessThanOrEqual(1e-4 * scale)
      }
    } finally {
      setBackend(before)
    }
  })
})

describe('choosing a backend', () => {
  it('an unknown name is refused with the names that exist', () => {
    expect(() => setBackend('gpu')).toThrow("setBackend: no backend named 'gpu' (available: js, wasm)")
  })

  it('ready() resolves to the backend in use, and thread counts are checked', async () => {
    expect(await ready()).toBe(getBackend())
    const before = getBackend()
    try {
      setBackend('js')
      expect(getNumThreads()).toBe(1)
      setBackend('wasm')
      expect(() => setNumThreads(0)).toThrow('setNumThreads: expected a whole number ≥ 1, got 0')
      expect(() => setNumThreads(1.5)).toThrow(RangeError)
    } finally {
      setBackend(before)
    }
  })
})
