import { mseLoss, SGD } from '@gradschool/nn'
import { tensor } from '@gradschool/tensor'

export function fitLine(xs: number[], ys: number[], lr: number, epochs: number): number[] {
  const x = tensor(xs, { dtype: 'float64' })
  const y = tensor(ys, { dtype: 'float64' })
  const w = tensor(0, { dtype: 'float64', requiresGrad: true })
  const b = tensor(0, { dtype: 'float64', requiresGrad: true })
  const optimizer = new SGD([w, b], { lr })

  for (let epoch = 0; epoch < epochs; epoch++) {
    const loss = mseLoss(x.mul(w).add(b), y)
    loss.backward()
    optimizer.zeroGrad()
    optimizer.step()
  }
  return [w.item(), b.item()]
}
