import { crossEntropy, nllLoss } from '@gradschool/nn'
import { tensor } from '@gradschool/tensor'

const scores = tensor([
  [2.0, 1.0, -1.0],
  [0.5, 2.5, 0.0],
])
const targets = tensor([0, 2], { dtype: 'int32' })

console.log(`crossEntropy          ${crossEntropy(scores, targets).item().toFixed(4)}`)
console.log(`nllLoss(logSoftmax)   ${nllLoss(scores.logSoftmax(1), targets).item().toFixed(4)}`)
console.log(`per example ${crossEntropy(scores, targets, { reduction: 'none' }).toString()}`)
