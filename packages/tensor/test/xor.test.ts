/** End to end: a 2-4-1 network learns XOR with plain gradient descent. */
import { expect, it } from 'vitest'
import { manualSeed, noGrad, randn, type Tensor, tensor, zeros } from '../src/index.js'

it('a seeded 2-4-1 tanh/sigmoid network trained by gradient descent solves XOR', () => {
  manualSeed(0)
  const x = tensor([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ])
  const y = tensor([[0], [1], [1], [0]])
  const w1 = randn([2, 4]).requiresGrad_()
  const b1 = zeros([4], { requiresGrad: true })
  const w2 = randn([4, 1]).requiresGrad_()
  const b2 = zeros([1], { requiresGrad: true })
  const params = [w1, b1, w2, b2]
  const predict = (input: Tensor) => input.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sigmoid()

  const losses: number[] = []
  for (let step = 0; step < 2000; step++) {
    const loss = predict(x).sub(y).square().mean()
    for (const p of params) p.grad = null
    loss.backward()
    noGrad(() => {
      for (const p of params) p.sub_(p.grad!, 0.5)
    })
    losses.push(loss.item())
  }

  const predictions = Array.from(noGrad(() => predict(x)).data)
  expect(predictions.map((p) => p > 0.5)).toEqual([false, true, true, false])
  expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! / 10)
})
