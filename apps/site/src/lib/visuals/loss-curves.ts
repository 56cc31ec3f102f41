/**
 * Trains the same tiny network (2-4-1, tanh then sigmoid, mean squared error on XOR) from the
 * same seed at several learning rates and records the loss at every step.
 */
import { manualSeed, noGrad, randn, type Tensor, tensor, zeros } from '@gradschool/tensor'

export interface LossRun {
  learningRate: number
  losses: number[]
}

const inputs = () =>
  tensor([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ])
const targets = () => tensor([[0], [1], [1], [0]])

export function trainAtLearningRate(learningRate: number, steps: number, seed = 0, hidden = 4): LossRun {
  manualSeed(seed)
  const x = inputs()
  const y = targets()
  const params: Tensor[] = [
    randn([2, hidden]).requiresGrad_(),
    zeros([hidden], { requiresGrad: true }),
    randn([hidden, 1]).requiresGrad_(),
    zeros([1], { requiresGrad: true }),
  ]
  const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor]
  const losses: number[] = []
  for (let step = 0; step < steps; step++) {
    const prediction = x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sigmoid()
    const loss = prediction.sub(y).square().mean()
    for (const p of params) p.grad = null
    loss.backward()
    noGrad(() => {
      for (const p of params) p.sub_(p.grad!, learningRate)
    })
    losses.push(loss.item())
  }
  return { learningRate, losses }
}
