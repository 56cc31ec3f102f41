/**
 * Trains a 2-4-1 network on XOR with plain gradient descent and prints the loss falling.
 * Run: pnpm --filter @gradschool/tensor demo:xor
 */
import { manualSeed, noGrad, randn, tensor, zeros } from '../src/index.js'

manualSeed(0)
const x = tensor([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
])
const y = tensor([[0], [1], [1], [0]])

const w1 = randn([2, 4]).mul(1).requiresGrad_()
const b1 = zeros([4], { requiresGrad: true })
const w2 = randn([4, 1]).mul(1).requiresGrad_()
const b2 = zeros([1], { requiresGrad: true })
const params = [w1, b1, w2, b2]
const learningRate = 0.5

for (let step = 0; step <= 2000; step++) {
  const hidden = x.matmul(w1).add(b1).tanh()
  const prediction = hidden.matmul(w2).add(b2).sigmoid()
  const loss = prediction.sub(y).square().mean()
  for (const p of params) p.grad = null
  loss.backward()
  noGrad(() => {
    for (const p of params) p.sub_(p.grad!, learningRate)
  })
  if (step % 250 === 0) console.log(`step ${String(step).padStart(4)}  loss ${loss.item().toFixed(4)}`)
}

const final = x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sigmoid()
console.log('predictions', final.toString())
