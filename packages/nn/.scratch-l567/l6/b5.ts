import { tensor } from '@gradschool/tensor'

const x = tensor([1.0, 2.0], { dtype: 'float64' })
const y = 1
const w = tensor([0.5, -0.3], { dtype: 'float64', requiresGrad: true })
const b = tensor(0.1, { dtype: 'float64', requiresGrad: true })

const p = x.mul(w).sum().add(b).sigmoid()
const loss = p.sub(y).square()
loss.backward()
console.log(`p = ${p.item().toFixed(4)}, loss = ${loss.item().toFixed(4)}`)
console.log(`w.grad = ${w.grad!.toString()}, b.grad = ${b.grad!.item().toFixed(4)}`)

// By hand: dloss/dp = 2(p - y), dp/dz = p(1 - p), dz/dw = x, dz/db = 1.
const pv = p.item()
const dz = 2 * (pv - y) * pv * (1 - pv)
console.log(`by hand:  ${(dz * 1).toFixed(4)} ${(dz * 2).toFixed(4)}, b: ${dz.toFixed(4)}`)
