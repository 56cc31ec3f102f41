import { gradcheck, manualSeed, randn, type Tensor, tensor } from '@gradschool/tensor'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  AvgPool2d,
  BatchNorm1d,
  Conv2d,
  Dropout,
  Embedding,
  Flatten,
  GELU,
  LayerNorm,
  LeakyReLU,
  Linear,
  LogSoftmax,
  MaxPool2d,
  type Module,
  ReLU,
  Sequential,
  Sigmoid,
  Softmax,
  Tanh,
} from '../src/index.js'

const f64 = (...shape: number[]) => randn(shape, { dtype: 'float64', requiresGrad: true })

/** Gradcheck of a module's forward with respect to its input and every parameter. */
function checkModule(module: Module & { forward(x: Tensor): Tensor }, x: Tensor): void {
  expect(
    gradcheck(() => module.forward(x), x.requiresGrad ? [x, ...module.parameters()] : module.parameters()),
  ).toBe(true)
}

beforeEach(() => manualSeed(7))

describe('Linear', () => {
  it('computes x·Wᵀ + b (hand-computed)', () => {
    const layer = new Linear(2, 2)
    layer.weight.data.set([1, 2, 3, 4])
    layer.bias!.data.set([10, 20])
    expect(
      layer
        .forward(
          tensor([
            [1, 1],
            [2, -1],
          ]),
        )
        .toArray(),
    ).toEqual([
      [13, 27],
      [10, 22],
    ])
  })

  it('maps [..., in] to [..., out] and initialises within ±1/√in', () => {
    const layer = new Linear(16, 3)
    expect(layer.forward(randn(2, 5, 16)).shape).toEqual([2, 5, 3])
    for (const v of [...layer.weight.data, ...layer.bias!.data]) expect(Math.abs(v)).toBeLessThanOrEqual(0.25)
  })

  it('passes gradcheck', () => {
    checkModule(new Linear(3, 2).double(), f64(4, 3))
    checkModule(new Linear(3, 2, { bias: false }).double(), f64(2, 3))
  })
})

describe('activations', () => {
  const cases: [string, Module & { forward(x: Tensor): Tensor }, (v: number) => number][] = [
    ['ReLU', new ReLU(), (v) => Math.max(v, 0)],
    ['LeakyReLU', new LeakyReLU(0.2), (v) => (v > 0 ? v : 0.2 * v)],
    ['Sigmoid', new Sigmoid(), (v) => 1 / (1 + Math.exp(-v))],
    ['Tanh', new Tanh(), Math.tanh],
    [
      'GELU (tanh)',
      new GELU('tanh'),
      (v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3))),
    ],
  ]
  for (const [name, layer, reference] of cases) {
    it(`${name} matches its formula, keeps the shape and passes gradcheck`, () => {
      const x = tensor(
        [
          [-2, -0.5, 0.3],
          [1.5, 3, -1.1],
        ],
        { dtype: 'float64' },
      )
      const y = layer.forward(x)
      expect(y.shape).toEqual([2, 3])
      y.data.forEach((v, i) => {
        expect(v).toBeCloseTo(reference(x.data[i]!), 10)
      })
      checkModule(
        layer,
        tensor(
          [
            [-2, -0.5, 0.3],
            [1.5, 3, -1.1],
          ],
          { dtype: 'float64', requiresGrad: true },
        ),
      )
    })
  }

  it('GELU (exact) is x·Φ(x) at known points and passes gradcheck', () => {
    checkModule(new GELU(), f64(2, 3))
    const y = new GELU().forward(tensor([0, 1, -1], { dtype: 'float64' }))
    // Φ(1) = 0.8413447460685429
    expect(Array.from(y.data).map((v) => Number(v.toFixed(9)))).toEqual([0, 0.841344746, -0.158655254])
  })

  it('Softmax rows sum to one; LogSoftmax is its log', () => {
    const x = f64(3, 4)
    const p = new Softmax(1).forward(x)
    for (let r = 0; r < 3; r++)
      expect(Array.from(p.data.slice(r * 4, r * 4 + 4)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    const logP = new LogSoftmax(1).forward(x)
    logP.data.forEach((v, i) => {
      expect(v).toBeCloseTo(Math.log(p.data[i]!), 12)
    })
    checkModule(new Softmax(0), f64(3, 2))
    checkModule(new LogSoftmax(-1), f64(2, 3))
  })
})

describe('Sequential and Flatten', () => {
  it('chains layers; Flatten keeps the batch dim', () => {
    const model = new Sequential(new Flatten(), new Linear(12, 5), new ReLU(), new Linear(5, 2))
    expect(model.forward(randn(7, 3, 4)).shape).toEqual([7, 2])
    expect(new Flatten(0).forward(randn(2, 3)).shape).toEqual([6])
    expect(model.length).toBe(4)
    expect(model.at(-1)).toBeInstanceOf(Linear)
    checkModule(model.double(), f64(2, 3, 4))
  })
})

describe('Dropout', () => {
  it('is the identity in eval mode', () => {
    const layer = new Dropout(0.5).eval()
    const x = randn(4, 5)
    expect(layer.forward(x)).toBe(x)
  })

  it('zeroes about p of the elements and scales the rest by 1/(1 − p) in train mode', () => {
    const x = randn(100, 100)
    const y = new Dropout(0.25).forward(x)
    let zeros = 0
    y.data.forEach((v, i) => {
      if (v === 0) zeros++
      else expect(v).toBeCloseTo(x.data[i]! / 0.75, 5)
    })
    expect(zeros / 10_000).toBeGreaterThan(0.22)
    expect(zeros / 10_000).toBeLessThan(0.28)
  })

  it('is reproducible from the seed, and p = 1 zeroes everything', () => {
    const x = randn(3, 3)
    manualSeed(1)
    const a = new Dropout().forward(x)
    manualSeed(1)
    const b = new Dropout().forward(x)
    expect(Array.from(a.data)).toEqual(Array.from(b.data))
    expect(Array.from(new Dropout(1).forward(x).data).every((v) => v === 0)).toBe(true)
    expect(() => new Dropout(1.5)).toThrow(/p must be between 0 and 1/)
  })

  it('passes gradcheck with a fixed mask', () => {
    const x = f64(3, 4)
    manualSeed(3)
    const layer = new Dropout(0.5)
    expect(
      gradcheck(() => {
        manualSeed(3)
        return layer.forward(x)
      }, [x]),
    ).toBe(true)
  })
})

describe('BatchNorm1d', () => {
  it('uses batch statistics in train mode and updates running stats (unbiased variance, momentum 0.1)', () => {
    const bn = new BatchNorm1d(2)
    const x = tensor([
      [1, 10],
      [3, 20],
      [5, 60],
    ])
    const y = bn.forward(x)
    // feature 0: mean 3, biased var 8/3; feature 1: mean 30, biased var 1400/3
    const expected = [
      [(1 - 3) / Math.sqrt(8 / 3 + 1e-5), (10 - 30) / Math.sqrt(1400 / 3 + 1e-5)],
      [0, (20 - 30) / Math.sqrt(1400 / 3 + 1e-5)],
      [(5 - 3) / Math.sqrt(8 / 3 + 1e-5), (60 - 30) / Math.sqrt(1400 / 3 + 1e-5)],
    ]
    ;(y.toArray() as number[][]).forEach((row, i) => {
      row.forEach((v, j) => {
        expect(v).toBeCloseTo(expected[i]![j]!, 5)
      })
    })
    // running = 0.9·old + 0.1·batch; unbiased vars are 4 and 700
    expect(Array.from(bn.runningMean!.data)).toEqual([0.1 * 3, 0.1 * 30].map(Math.fround))
    expect(bn.runningVar!.data[0]).toBeCloseTo(0.9 + 0.1 * 4, 5)
    expect(bn.runningVar!.data[1]).toBeCloseTo(0.9 + 0.1 * 700, 3)
    expect(bn.numBatchesTracked!.data[0]).toBe(1)
  })

  it('uses running statistics in eval mode and does not update them', () => {
    const bn = new BatchNorm1d(1)
    bn.runningMean!.data[0] = 2
    bn.runningVar!.data[0] = 4
    bn.eval()
    const y = bn.forward(tensor([[2], [6]]))
    expect(y.data[0]).toBeCloseTo(0, 6)
    expect(y.data[1]).toBeCloseTo(4 / Math.sqrt(4 + 1e-5), 5)
    expect(bn.runningMean!.data[0]).toBe(2)
  })

  it('handles [N, C, L] input and passes gradcheck in both modes', () => {
    const bn = new BatchNorm1d(3).double()
    expect(bn.forward(f64(4, 3, 5)).shape).toEqual([4, 3, 5])
    bn.weight!.data.set([0.5, 1.5, -1])
    bn.bias!.data.set([0.1, 0.2, 0.3])
    checkModule(bn, f64(4, 3))
    checkModule(bn, f64(2, 3, 3))
    bn.eval()
    checkModule(bn, f64(4, 3))
  })
})

describe('LayerNorm', () => {
  it('normalises each sample over the last dims (hand-computed)', () => {
    const y = new LayerNorm(4, { eps: 0 }).forward(tensor([[1, 2, 3, 4]], { dtype: 'float64' }))
    const s = Math.sqrt(1.25)
    Array.from(y.data).forEach((v, i) => {
      expect(v).toBeCloseTo([-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s][i]!, 12)
    })
  })

  it('keeps the shape and passes gradcheck', () => {
    const ln = new LayerNorm([2, 3]).double()
    ln.weight!.data.set([1, 2, 3, -1, 0.5, 2])
    ln.bias!.data.set([0, 1, 0, 1, 0, 1])
    expect(ln.forward(f64(4, 2, 3)).shape).toEqual([4, 2, 3])
    checkModule(ln, f64(2, 2, 3))
  })
})

describe('Embedding', () => {
  it('looks up rows for indices of any shape', () => {
    const emb = new Embedding(5, 3)
    const out = emb.forward(
      tensor(
        [
          [0, 4],
          [4, 1],
        ],
        { dtype: 'int32' },
      ),
    )
    expect(out.shape).toEqual([2, 2, 3])
    expect(Array.from(out.data.slice(3, 6))).toEqual(Array.from(emb.weight.data.slice(12, 15)))
    expect(() => emb.forward(tensor([1.0]))).toThrow(/indices must have dtype int32/)
  })

  it('sums the gradient of repeated indices (gradcheck)', () => {
    const emb = new Embedding(4, 2).double()
    const idx = tensor([1, 3, 1], { dtype: 'int32' })
    expect(gradcheck(() => emb.forward(idx), emb.parameters())).toBe(true)
  })
})

describe('Conv2d and pooling', () => {
  it('computes a cross-correlation (hand-computed)', () => {
    const conv = new Conv2d(1, 1, 2, { bias: false })
    conv.weight.data.set([1, 0, 0, -1])
    const x = tensor([
      [
        [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
      ],
    ])
    expect(conv.forward(x).toArray()).toEqual([
      [
        [
          [-4, -4],
          [-4, -4],
        ],
      ],
    ])
  })

  it('produces the expected shapes with stride and padding', () => {
    expect(new Conv2d(3, 8, 3, { padding: 1 }).forward(randn(2, 3, 10, 10)).shape).toEqual([2, 8, 10, 10])
    expect(new Conv2d(3, 4, [3, 5], { stride: 2 }).forward(randn(1, 3, 9, 11)).shape).toEqual([1, 4, 4, 4])
    expect(new MaxPool2d(2).forward(randn(2, 3, 8, 6)).shape).toEqual([2, 3, 4, 3])
    expect(new AvgPool2d(3, { stride: 1, padding: 1 }).forward(randn(1, 2, 5, 5)).shape).toEqual([1, 2, 5, 5])
  })

  it('pools by max and by average (hand-computed)', () => {
    const x = tensor([
      [
        [
          [1, 2, 5, 6],
          [3, 4, 7, 8],
        ],
      ],
    ])
    expect(new MaxPool2d(2).forward(x).toArray()).toEqual([[[[4, 8]]]])
    expect(new AvgPool2d(2).forward(x).toArray()).toEqual([[[[2.5, 6.5]]]])
  })

  it('pass gradcheck', () => {
    checkModule(new Conv2d(2, 3, 3, { padding: 1, stride: 2 }).double(), f64(2, 2, 5, 5))
    checkModule(new MaxPool2d(2), f64(1, 2, 4, 4))
    checkModule(new AvgPool2d(2, { stride: 1 }), f64(1, 2, 3, 3))
  })
})
