import { gradcheck, randn, manualSeed } from '@gradschool/tensor'

manualSeed(0)
const x = randn([3, 4], { dtype: 'float64', requiresGrad: true })
const w = randn([4, 2], { dtype: 'float64', requiresGrad: true })
const ok = gradcheck((x, w) => x.matmul(w).tanh().sum(), [x, w])
console.log(`gradcheck: ${ok}`)
