import { manualSeed, noGrad, randn, Tensor, tensor, zeros } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BatchNorm1d,
  Buffer,
  Conv2d,
  Dropout,
  Flatten,
  GRU,
  LayerNorm,
  Linear,
  MaxPool2d,
  Module,
  Parameter,
  parameter,
  ReLU,
  Sequential,
  type StateDict,
  Tanh,
} from '../src/index.js'

class TwoLayer extends Module {
  scale = new Parameter(tensor([2]))
  layers = [new Linear(3, 4), new Linear(4, 2)]
  norm = new BatchNorm1d(4)
  label = 'not a tensor'

  forward(x: Tensor): Tensor {
    const h = this.norm.forward(this.layers[0]!.forward(x).mul(this.scale))
    return this.layers[1]!.forward(h.relu())
  }
}

describe('Module registration', () => {
  it('names parameters with dotted paths in field order, like PyTorch', () => {
    const model = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1))
    expect(model.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias'])
    expect(new TwoLayer().namedParameters().map(([n]) => n)).toEqual([
      'scale',
      'layers.0.weight',
      'layers.0.bias',
      'layers.1.weight',
      'layers.1.bias',
      'norm.weight',
      'norm.bias',
    ])
  })

  it('lists children, modules and buffers', () => {
    const model = new TwoLayer()
    expect(model.namedChildren().map(([n]) => n)).toEqual(['layers.0', 'layers.1', 'norm'])
    expect(model.children()).toHaveLength(3)
    expect(model.modules()).toHaveLength(4)
    expect(model.modules()[0]).toBe(model)
    expect(model.namedBuffers().map(([n]) => n)).toEqual([
      'norm.runningMean',
      'norm.runningVar',
      'norm.numBatchesTracked',
    ])
  })

  it('lists a shared parameter or module once', () => {
    const shared = new Linear(2, 2)
    const model = new Sequential(shared, new ReLU(), shared)
    expect(model.parameters()).toHaveLength(2)
    expect(model.numParameters()).toBe(6)
  })

  it('counts parameters', () => {
    expect(new Sequential(new Linear(2, 3), new Linear(3, 1)).numParameters()).toBe(2 * 3 + 3 + 3 + 1)
    expect(new Linear(5, 2, { bias: false }).numParameters()).toBe(10)
  })

  it('parameter() makes a leaf that requires grad and shares storage', () => {
    const t = tensor([1, 2])
    const p = parameter(t)
    expect(p.requiresGrad).toBe(true)
    expect(p.isLeaf).toBe(true)
    expect(p.data).toBe(t.data)
    expect(() => parameter(tensor([1], { dtype: 'int32' }))).toThrow(/floating point/)
  })

  it('train() and eval() reach every sub-module', () => {
    const model = new TwoLayer()
    model.eval()
    expect(model.modules().every((m) => !m.training)).toBe(true)
    model.train()
    expect(model.modules().every((m) => m.training)).toBe(true)
  })

  it('zeroGrad clears every gradient', () => {
    const model = new Sequential(new Linear(2, 2), new Tanh(), new Linear(2, 1))
    model.forward(randn(3, 2)).sum().backward()
    expect(model.parameters().every((p) => p.grad !== null)).toBe(true)
    model.zeroGrad()
    expect(model.parameters().every((p) => p.grad === null)).toBe(true)
  })

  it('to(float64) converts parameters and float buffers but keeps integer buffers', () => {
    const model = new TwoLayer().double()
    expect(
      model.parameters().every((p) => p.dtype === 'float64' && p instanceof Parameter && p.requiresGrad),
    ).toBe(true)
    expect(model.norm.runningMean!.dtype).toBe('float64')
    expect(model.norm.runningMean).toBeInstanceOf(Buffer)
    expect(model.norm.numBatchesTracked!.dtype).toBe('int32')
    const out = model.forward(randn([5, 3], { dtype: 'float64' }))
    expect(out.dtype).toBe('float64')
    expect(() => model.to('int32')).toThrow(/floating point/)
  })
})

describe('stateDict / loadStateDict', () => {
  it('includes parameters and buffers with shapes', () => {
    const state = new BatchNorm1d(3).stateDict()
    expect(Object.keys(state)).toEqual(['weight', 'bias', 'runningMean', 'runningVar', 'numBatchesTracked'])
    expect(state.runningVar).toEqual({ shape: [3], dtype: 'float32', data: [1, 1, 1] })
  })

  it('round-trips through JSON into a fresh model with identical outputs (property)', () => {
    const build = () =>
      new Sequential(
        new Conv2d(1, 2, 3, { padding: 1 }),
        new ReLU(),
        new MaxPool2d(2),
        new Flatten(),
        new Linear(8, 4),
        new BatchNorm1d(4),
      )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 32, maxLength: 32 }),
        (seed, values) => {
          manualSeed(seed)
          const trained = build()
          // A few train-mode passes move the BatchNorm running statistics away from their defaults.
          for (let i = 0; i < 3; i++) trained.forward(randn(4, 1, 4, 4))
          trained.eval()
          const saved = JSON.parse(JSON.stringify(trained.stateDict())) as StateDict
          const fresh = build()
          fresh.loadStateDict(saved)
          fresh.eval()
          const x = new Tensor(Float32Array.from(values), [2, 1, 4, 4], 'float32')
          expect(Array.from(fresh.forward(x).data)).toEqual(Array.from(trained.forward(x).data))
          expect(fresh.stateDict()).toEqual(trained.stateDict())
        },
      ),
      { numRuns: 25 },
    )
  })

  it('names missing and unexpected keys', () => {
    const model = new Sequential(new Linear(2, 2))
    const state = model.stateDict()
    const { '0.bias': _dropped, ...withoutBias } = state
    expect(() => model.loadStateDict(withoutBias)).toThrow(/missing keys: 0\.bias/)
    expect(() =>
      model.loadStateDict({ ...state, extra: { shape: [1], dtype: 'float32', data: [0] } }),
    ).toThrow(/unexpected keys: extra/)
  })

  it('names the key and both shapes on a shape mismatch, and changes nothing', () => {
    const model = new Sequential(new Linear(2, 3))
    const before = model.stateDict()
    const other = new Sequential(new Linear(2, 4)).stateDict()
    expect(() => model.loadStateDict(other)).toThrow(
      /0\.weight: shape mismatch: the saved tensor has shape \[4,2\] but the model has \[3,2\]/,
    )
    expect(model.stateDict()).toEqual(before)
  })

  it('rejects data of the wrong length or type', () => {
    const model = new Linear(1, 1)
    const bad = {
      weight: { shape: [1, 1], dtype: 'float32' as const, data: [1, 2] },
      bias: { shape: [1], dtype: 'float32' as const, data: [0] },
    }
    expect(() => model.loadStateDict(bad)).toThrow(/weight: data has 2 values but shape \[1,1\] needs 1/)
  })
})

describe('summary', () => {
  it('lists each layer with its output shape, own parameters and the total', () => {
    const model = new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.5), new Linear(8, 2))
    const text = model.summary([1, 4])
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/Layer \(type\)\s+Output shape\s+Params/)
    expect(lines.find((l) => l.startsWith('0 (Linear)'))).toMatch(/\[1,8\]\s+40$/)
    expect(lines.find((l) => l.startsWith('1 (ReLU)'))).toMatch(/\[1,8\]\s+0$/)
    expect(lines.find((l) => l.startsWith('3 (Linear)'))).toMatch(/\[1,2\]\s+18$/)
    expect(lines.at(-1)).toMatch(/^Total params\s+58$/)
  })

  it('restores modes and leaves running statistics untouched', () => {
    const model = new Sequential(new Linear(2, 3), new BatchNorm1d(3))
    const before = model.stateDict()
    model.summary([2, 2])
    expect(model.training).toBe(true)
    expect(model.stateDict()).toEqual(before)
    expect(Object.hasOwn(model.at(0), 'forward')).toBe(false)
  })

  it('keeps a forward defined as an arrow-function field', () => {
    class Doubler extends Module {
      forward = (x: Tensor): Tensor => x.mul(2)
    }
    const model = new Sequential(new Doubler(), new Linear(2, 1))
    expect(model.summary([3, 2])).toMatch(/0 \(Doubler\)\s+\[3,2\]\s+0/)
    expect(Array.from(model.at(0).forward(tensor([1, 2])).data)).toEqual([2, 4])
  })

  it('handles modules returning tuples and explains forward failures', () => {
    const gru = new GRU(3, 5, { batchFirst: true })
    expect(gru.summary([2, 7, 3])).toMatch(/\(GRU\)\s+\[2,7,5\] \[1,2,5\]\s+/)
    expect(() => new Sequential(new Linear(3, 2)).summary([1, 4])).toThrow(
      /summary: forward pass on zeros of shape \[1,4\] failed: .*Linear\(3, 2\)/,
    )
  })
})

describe('layer input checks', () => {
  it('name the layer and the shapes', () => {
    expect(() => new Linear(3, 2).forward(zeros(2, 4))).toThrow(/Linear\(3, 2\).*size 3.*\[2,4\]/)
    expect(() => new Conv2d(3, 2, 3).forward(zeros(1, 1, 5, 5))).toThrow(
      /Conv2d\(3, 2\).*\[N,3,H,W\].*\[1,1,5,5\]/,
    )
    expect(() => new LayerNorm(4).forward(zeros(2, 3))).toThrow(/LayerNorm\(\[4\]\).*\[2,3\]/)
    expect(() => new BatchNorm1d(4).forward(zeros(2, 3))).toThrow(/BatchNorm1d\(4\).*\[2,3\]/)
  })
})

describe('Buffer', () => {
  it('is saved but never a parameter', () => {
    class WithBuffer extends Module {
      count = new Buffer(zeros([2]))
      forward(x: Tensor): Tensor {
        noGrad(() => this.count.add_(1))
        return x
      }
    }
    const m = new WithBuffer()
    m.forward(zeros(1))
    expect(m.parameters()).toHaveLength(0)
    expect(m.stateDict().count!.data).toEqual([1, 1])
  })
})
