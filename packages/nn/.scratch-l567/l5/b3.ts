import { l1Loss, mseLoss } from '@gradschool/nn'
import { tensor } from '@gradschool/tensor'

const predictions = tensor([2.5, 0.0, 2.0, 8.0])
const targets = tensor([3.0, -0.5, 2.0, 7.0])

console.log(`mseLoss ${mseLoss(predictions, targets).item().toFixed(4)}`)
console.log(`l1Loss  ${l1Loss(predictions, targets).item().toFixed(4)}`)
console.log(mseLoss(predictions, targets, { reduction: 'none' }).toString())
