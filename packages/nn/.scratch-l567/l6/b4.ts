import { tensor } from '@gradschool/tensor'

const a = tensor(2, { dtype: 'float64', requiresGrad: true })
const b = tensor(-3, { dtype: 'float64', requiresGrad: true })
const c = tensor(10, { dtype: 'float64', requiresGrad: true })

const f = a.mul(b).add(c).square() // builds the graph as it computes
f.backward() // walks it in reverse, filling .grad

console.log(`f = ${f.item()}`)
console.log(`a.grad = ${a.grad!.item()}, b.grad = ${b.grad!.item()}, c.grad = ${c.grad!.item()}`)
