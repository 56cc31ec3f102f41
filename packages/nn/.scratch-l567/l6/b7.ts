import { tensor } from '@gradschool/tensor'

const w = tensor(1.0, { dtype: 'float64', requiresGrad: true })
w.mul(5).backward()
console.log(`after one backward: ${w.grad!.item()}`)
w.mul(5).backward()
console.log(`after two:          ${w.grad!.item()}`)
