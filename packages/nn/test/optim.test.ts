import { type Tensor, tensor } from '@gradschool/tensor'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  AdamW,
  CosineAnnealingLR,
  clipGradNorm,
  Linear,
  type Optimizer,
  parameter,
  RMSprop,
  SGD,
  StepLR,
} from '../src/index.js'

/** Runs `steps` optimizer steps on loss = ½·Σp² (so grad = p) and returns p after each step. */
function onQuadratic(p: Tensor, makeOptimizer: (params: Tensor[]) => Optimizer, steps: number): number[][] {
  const optimizer = makeOptimizer([p])
  const trace: number[][] = []
  for (let i = 0; i < steps; i++) {
    optimizer.zeroGrad()
    p.square().sum().mul(0.5).backward()
    optimizer.step()
    trace.push(Array.from(p.data))
  }
  return trace
}

/** Runs `steps` steps with the same fixed gradient every time. */
function withGradient(
  p: Tensor,
  grad: number[],
  makeOptimizer: (params: Tensor[]) => Optimizer,
  steps: number,
): number[][] {
  const optimizer = makeOptimizer([p])
  const trace: number[][] = []
  for (let i = 0; i < steps; i++) {
    p.grad = tensor(grad, { dtype: p.dtype })
    optimizer.step()
    trace.push(Array.from(p.data))
  }
  return trace
}

const param = (values: number[]) => parameter(tensor(values, { dtype: 'float64' }))

function expectTrace(actual: number[][], expected: number[][], digits = 12): void {
  expect(actual.length).toBe(expected.length)
  actual.forEach((row, i) => {
    row.forEach((v, j) => {
      expect(v).toBeCloseTo(expected[i]![j]!, digits)
    })
  })
}

describe('SGD', () => {
  it('plain: p −= lr·g', () => {
    expectTrace(
      onQuadratic(param([1, -2]), (ps) => new SGD(ps, { lr: 0.1 }), 2),
      [
        [0.9, -1.8],
        [0.81, -1.62],
      ],
    )
  })

  it('momentum: b₁ = g, then b = 0.9·b + g', () => {
    // g=1 → b=1, p=0.9; g=0.9 → b=1.8, p=0.72; g=0.72 → b=2.34, p=0.486
    expectTrace(
      onQuadratic(param([1]), (ps) => new SGD(ps, { lr: 0.1, momentum: 0.9 }), 3),
      [[0.9], [0.72], [0.486]],
    )
  })

  it('nesterov: step with g + momentum·b', () => {
    // g=1 → b=1, step 1.9, p=0.81; g=0.81 → b=1.71, step 0.81+1.539=2.349, p=0.5751
    expectTrace(
      onQuadratic(param([1]), (ps) => new SGD(ps, { lr: 0.1, momentum: 0.9, nesterov: true }), 2),
      [[0.81], [0.5751]],
    )
  })

  it('dampening scales the new gradient after the first step', () => {
    // b=1, p=-0.1; b=0.9+0.5=1.4, p=-0.24; b=1.26+0.5=1.76, p=-0.416
    expectTrace(
      withGradient(param([0]), [1], (ps) => new SGD(ps, { lr: 0.1, momentum: 0.9, dampening: 0.5 }), 3),
      [[-0.1], [-0.24], [-0.416]],
    )
  })

  it('weight decay adds weightDecay·p to the gradient', () => {
    // g = 1 + 0.5·2 = 2 → p=1.8; g = 1 + 0.9 = 1.9 → p=1.61
    expectTrace(
      withGradient(param([2]), [1], (ps) => new SGD(ps, { lr: 0.1, weightDecay: 0.5 }), 2),
      [[1.8], [1.61]],
    )
  })

  it('validates its options', () => {
    expect(() => new SGD([param([1])], { lr: -1 })).toThrow(/SGD: lr must be a non-negative number, got -1/)
    expect(() => new SGD([param([1])], { nesterov: true })).toThrow(/nesterov momentum needs momentum > 0/)
    expect(() => new SGD([], { lr: 0.1 })).toThrow(/empty parameter list/)
    expect(() => new SGD([tensor([1])], { lr: 0.1 })).toThrow(
      /parameter 0 \(shape \[1\]\) does not require grad/,
    )
  })
})

describe('Adam', () => {
  it('matches bias-corrected moments step by step', () => {
    // t=1: g=1, m=0.1, v=0.001, m̂=1, v̂=1 → p = 1 − 0.1·1/(1+1e-8)
    const p1 = 1 - 0.1 / (1 + 1e-8)
    // t=2: g=p1, m=0.09+0.1·p1, v=0.000999+0.001·p1², m̂=m/0.19, v̂=v/0.001999
    const m2 = 0.9 * 0.1 + 0.1 * p1
    const v2 = 0.999 * 0.001 + 0.001 * p1 * p1
    const p2 = p1 - (0.1 * (m2 / 0.19)) / (Math.sqrt(v2 / (1 - 0.999 ** 2)) + 1e-8)
    const trace = onQuadratic(param([1]), (ps) => new Adam(ps, { lr: 0.1 }), 2)
    expectTrace(trace, [[p1], [p2]])
    expect(p2).toBeCloseTo(0.800412232, 8)
  })

  it('moves by about lr per step under a constant gradient of any scale', () => {
    expectTrace(
      withGradient(param([1, 1]), [2, -1e-3], (ps) => new Adam(ps, { lr: 0.1 }), 3),
      [
        [0.9, 1.1],
        [0.8, 1.2],
        [0.7, 1.3],
      ],
      4,
    )
  })

  it('amsgrad divides by the running maximum of v', () => {
    // gradients 1 then 0: v₂ = 0.000999 < v₁ = 0.001, so the running maximum keeps v₁
    const p = param([0])
    const adam = new Adam([p], { lr: 0.1, amsgrad: true })
    p.grad = tensor([1], { dtype: 'float64' })
    adam.step()
    p.grad = tensor([0], { dtype: 'float64' })
    adam.step()
    // step 2: m=0.09, m̂=0.09/0.19; v̂ uses max(0.001, 0.000999)=0.001, corrected by 1−0.999²
    const expected = -0.1 / (1 + 1e-8) - (0.1 * (0.09 / 0.19)) / (Math.sqrt(0.001 / (1 - 0.999 ** 2)) + 1e-8)
    expect(p.data[0]).toBeCloseTo(expected, 12)
  })

  it('AdamW decays the weights directly (default weightDecay 0.01)', () => {
    // p = 1·(1 − 0.1·0.1) = 0.99, then the Adam step −0.1 from g = 1 (grad taken before decay)
    expectTrace(
      withGradient(param([1]), [1], (ps) => new AdamW(ps, { lr: 0.1, weightDecay: 0.1 }), 1),
      [[0.99 - 0.1 / (1 + 1e-8)]],
    )
    expect(new AdamW([param([1])]).weightDecay).toBe(0.01)
    // Adam's weightDecay is L2 instead: with g = 1 + 0.1·1, a constant-direction first step is still lr
    expectTrace(
      withGradient(param([1]), [1], (ps) => new Adam(ps, { lr: 0.1, weightDecay: 0.1 }), 1),
      [[1 - 0.1 / (1 + 1e-8 / 1.1)]],
    )
  })
})

describe('RMSprop', () => {
  it('divides by √(running mean of g²)', () => {
    // t=1: s=0.01, avg=0.1 → p=0.9; t=2: g=0.9, s=0.0099+0.0081=0.018 → p=0.9−0.01·0.9/√0.018
    expectTrace(
      onQuadratic(param([1]), (ps) => new RMSprop(ps, { lr: 0.01 }), 2),
      [[1 - 0.01 / (0.1 + 1e-8)], [1 - 0.01 / (0.1 + 1e-8) - (0.01 * 0.9) / (Math.sqrt(0.018) + 1e-8)]],
      6,
    )
  })

  it('centered subtracts the squared running mean of g', () => {
    // s=0.01, ḡ=0.01 → avg = √(0.01 − 0.0001) = √0.0099
    expectTrace(
      onQuadratic(param([1]), (ps) => new RMSprop(ps, { lr: 0.01, centered: true }), 1),
      [[1 - 0.01 / (Math.sqrt(0.0099) + 1e-8)]],
    )
  })

  it('momentum accumulates g/avg', () => {
    // b=10 → p=0.9; b = 9 + 0.9/√0.018 → p = 0.9 − 0.01·b
    const b2 = 0.9 * 10 + 0.9 / Math.sqrt(0.018)
    expectTrace(
      onQuadratic(param([1]), (ps) => new RMSprop(ps, { lr: 0.01, momentum: 0.9 }), 2),
      [[0.9], [0.9 - 0.01 * b2]],
      6,
    )
  })
})

describe('optimizer bookkeeping', () => {
  it('keeps state per parameter, skips parameters without gradients and zeroes gradients', () => {
    const a = param([1])
    const b = param([1])
    const optimizer = new Adam([a, b, a], { lr: 0.1 })
    expect(optimizer.params).toHaveLength(2)
    a.grad = tensor([1], { dtype: 'float64' })
    optimizer.step()
    expect(b.data[0]).toBe(1)
    expect(optimizer.state.has(a)).toBe(true)
    expect(optimizer.state.has(b)).toBe(false)
    optimizer.zeroGrad()
    expect(a.grad).toBeNull()
  })

  it('reads lr at every step, so it can be changed between steps', () => {
    const p = param([0])
    const sgd = new SGD([p], { lr: 1 })
    p.grad = tensor([1], { dtype: 'float64' })
    sgd.step()
    sgd.lr = 0.5
    sgd.step()
    expect(p.data[0]).toBe(-1.5)
  })

  it('updates float32 module parameters in place', () => {
    const layer = new Linear(2, 1)
    const before = Array.from(layer.weight.data)
    const sgd = new SGD(layer.parameters(), { lr: 1 })
    layer
      .forward(tensor([[1, 2]]))
      .sum()
      .backward()
    sgd.step()
    expect(Array.from(layer.weight.data)).toEqual([before[0]! - 1, before[1]! - 2].map(Math.fround))
  })
})

describe('clipGradNorm', () => {
  it('scales gradients to the max norm and returns the original norm', () => {
    const a = param([0, 0])
    const b = param([0])
    a.grad = tensor([3, 4], { dtype: 'float64' })
    b.grad = tensor([12], { dtype: 'float64' })
    expect(clipGradNorm([a, b], 6.5)).toBe(13)
    const scale = 6.5 / (13 + 1e-6)
    expect(Array.from(a.grad.data)).toEqual([3 * scale, 4 * scale])
    expect(b.grad.data[0]).toBeCloseTo(6, 6)
  })

  it('leaves small gradients alone and supports the infinity norm', () => {
    const a = param([0, 0])
    a.grad = tensor([3, -4], { dtype: 'float64' })
    expect(clipGradNorm([a, param([1])], 10)).toBe(5)
    expect(Array.from(a.grad.data)).toEqual([3, -4])
    expect(clipGradNorm([a], 2, Number.POSITIVE_INFINITY)).toBe(4)
    expect(a.grad.data[1]).toBeCloseTo(-2, 6)
  })
})

describe('schedulers', () => {
  it('StepLR multiplies by gamma every stepSize epochs', () => {
    const sgd = new SGD([param([0])], { lr: 1 })
    const scheduler = new StepLR(sgd, { stepSize: 2, gamma: 0.5 })
    const lrs = Array.from({ length: 5 }, () => {
      scheduler.step()
      return scheduler.getLastLr()
    })
    expect(lrs).toEqual([1, 0.5, 0.5, 0.25, 0.25])
    expect(sgd.lr).toBe(0.25)
  })

  it('CosineAnnealingLR follows half a cosine from the base lr to etaMin', () => {
    const sgd = new SGD([param([0])], { lr: 1 })
    const scheduler = new CosineAnnealingLR(sgd, { tMax: 4, etaMin: 0.1 })
    const lrs = Array.from({ length: 4 }, () => {
      scheduler.step()
      return scheduler.getLastLr()
    })
    const expected = [0.1 + (0.9 * (1 + Math.SQRT1_2)) / 2, 0.55, 0.1 + (0.9 * (1 - Math.SQRT1_2)) / 2, 0.1]
    lrs.forEach((lr, i) => {
      expect(lr).toBeCloseTo(expected[i]!, 12)
    })
  })
})
