import { manualSeed, noGrad, rand, randn, type Tensor, tensor } from '@gradschool/tensor'
import { describe, expect, it } from 'vitest'
import {
  Adam,
  bceWithLogitsLoss,
  Conv2d,
  crossEntropy,
  Flatten,
  GRU,
  Linear,
  MaxPool2d,
  mseLoss,
  type Optimizer,
  ReLU,
  Sequential,
  SGD,
  Tanh,
} from '../src/index.js'

function accuracy(logits: Tensor, labels: Tensor): number {
  const predicted = logits.argmax(1).data
  let correct = 0
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels.data[i]) correct++
  return correct / predicted.length
}

function trainSteps(optimizer: Optimizer, steps: number, loss: () => Tensor): void {
  for (let step = 0; step < steps; step++) {
    optimizer.zeroGrad()
    loss().backward()
    optimizer.step()
  }
}

/** Two noisy concentric rings: radius ≈ 0.5 is class 0, radius ≈ 1 is class 1. */
function circles(count: number): { x: Tensor; y: Tensor } {
  const angles = rand(count).data
  const noise = randn(count).data
  const points: number[][] = []
  const labels: number[] = []
  for (let i = 0; i < count; i++) {
    const label = i % 2
    const radius = (label === 0 ? 0.5 : 1) + 0.08 * noise[i]!
    points.push([radius * Math.cos(2 * Math.PI * angles[i]!), radius * Math.sin(2 * Math.PI * angles[i]!)])
    labels.push(label)
  }
  return { x: tensor(points), y: tensor(labels, { dtype: 'int32' }) }
}

/** 6×6 images with one vertical (class 0) or horizontal (class 1) bar, plus noise. */
function bars(count: number): { x: Tensor; y: Tensor } {
  const noise = randn(count, 1, 6, 6).mul(0.2)
  const where = rand(count).data
  const labels: number[] = []
  const d = noise.data
  for (let n = 0; n < count; n++) {
    const label = n % 2
    const line = Math.floor(where[n]! * 6)
    for (let k = 0; k < 6; k++) d[n * 36 + (label === 0 ? k * 6 + line : line * 6 + k)]! += 1
    labels.push(label)
  }
  return { x: noise, y: tensor(labels, { dtype: 'int32' }) }
}

/** Windows of sin(0.3·t + phase): the first `length` values predict the next one. */
function sineWindows(count: number, length: number): { x: Tensor; y: Tensor } {
  const phases = rand(count).data
  const inputs: number[][][] = []
  const targets: number[][] = []
  for (let n = 0; n < count; n++) {
    const at = (t: number) => Math.sin(0.3 * t + 2 * Math.PI * phases[n]!)
    inputs.push(Array.from({ length }, (_, t) => [at(t)]))
    targets.push([at(length)])
  }
  return { x: tensor(inputs), y: tensor(targets) }
}

describe('convergence', () => {
  it('an MLP learns XOR with Adam (100% within 300 steps)', () => {
    manualSeed(0)
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
    const y = tensor([[0], [1], [1], [0]])
    const model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1))
    trainSteps(new Adam(model.parameters(), { lr: 0.05 }), 300, () => bceWithLogitsLoss(model.forward(x), y))
    expect(Array.from(model.forward(x).data).map((v) => (v > 0 ? 1 : 0))).toEqual([0, 1, 1, 0])
  })

  it('an MLP learns XOR with SGD and momentum', () => {
    manualSeed(1)
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
    const y = tensor([[0], [1], [1], [0]])
    const model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1))
    trainSteps(new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 }), 300, () =>
      mseLoss(model.forward(x), y),
    )
    expect(Array.from(model.forward(x).data).map((v) => (v > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0])
  })

  it('an MLP separates two rings (>95% on held-out points)', () => {
    manualSeed(2)
    const train = circles(200)
    const test = circles(200)
    const model = new Sequential(
      new Linear(2, 16),
      new ReLU(),
      new Linear(16, 16),
      new ReLU(),
      new Linear(16, 2),
    )
    trainSteps(new Adam(model.parameters(), { lr: 0.03 }), 250, () =>
      crossEntropy(model.forward(train.x), train.y),
    )
    expect(
      accuracy(
        noGrad(() => model.forward(test.x)),
        test.y,
      ),
    ).toBeGreaterThan(0.95)
  })

  it('a tiny CNN tells vertical from horizontal bars (>95% on held-out images)', () => {
    manualSeed(3)
    const train = bars(64)
    const test = bars(64)
    const model = new Sequential(
      new Conv2d(1, 4, 3, { padding: 1 }),
      new ReLU(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(36, 2),
    )
    trainSteps(new Adam(model.parameters(), { lr: 0.02 }), 60, () =>
      crossEntropy(model.forward(train.x), train.y),
    )
    expect(
      accuracy(
        noGrad(() => model.forward(test.x)),
        test.y,
      ),
    ).toBeGreaterThan(0.95)
  })

  it('a GRU learns to forecast a sine wave (loss falls more than 5×)', () => {
    manualSeed(4)
    const data = sineWindows(32, 12)
    const gru = new GRU(1, 12, { batchFirst: true })
    const head = new Linear(12, 1)
    const predict = () => head.forward(gru.forward(data.x)[1].squeeze(0))
    const before = mseLoss(predict(), data.y).item()
    trainSteps(new Adam([...gru.parameters(), ...head.parameters()], { lr: 0.02 }), 120, () =>
      mseLoss(predict(), data.y),
    )
    const after = mseLoss(predict(), data.y).item()
    expect(after).toBeLessThan(before / 5)
  })
})
