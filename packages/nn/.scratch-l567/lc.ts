import { manualSeed, noGrad, randn, type Tensor, tensor, zeros } from '../../tensor/src/index.ts'
function run(lr: number, steps: number) {
  manualSeed(0)
  const x = tensor([[0,0],[0,1],[1,0],[1,1]]); const y = tensor([[0],[1],[1],[0]])
  const params: Tensor[] = [randn([2, 4]).requiresGrad_(), zeros([4], { requiresGrad: true }), randn([4, 1]).requiresGrad_(), zeros([1], { requiresGrad: true })]
  const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor]
  const losses: number[] = []
  for (let s = 0; s < steps; s++) {
    const loss = x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sigmoid().sub(y).square().mean()
    for (const p of params) p.grad = null
    loss.backward(); noGrad(() => { for (const p of params) p.sub_(p.grad!, lr) }); losses.push(loss.item())
  }
  return losses
}
for (const lr of [0.05, 0.5, 2, 5, 10, 20, 50, 100]) { const l = run(lr, 300); console.log(lr, [0, 10, 50, 100, 200, 299].map((i) => l[i]!.toFixed(3)).join(' ')) }
