import { bceLoss, bceWithLogitsLoss } from '../../src/index.ts'
import { tensor } from '../../../tensor/src/index.ts'

const logits = tensor([2.0, -1.0, 0.5, -3.0]) // raw scores from the last layer
const labels = tensor([1, 0, 0, 1])

console.log(`bceLoss(sigmoid(z))   ${bceLoss(logits.sigmoid(), labels).item().toFixed(4)}`)
console.log(`bceWithLogitsLoss(z)  ${bceWithLogitsLoss(logits, labels).item().toFixed(4)}`)

// A very confident wrong answer: score -120 for an example whose label is 1.
const extreme = tensor([-120.0])
const one = tensor([1.0])
console.log(`sigmoid(-120) in float32: ${extreme.sigmoid().item()}`)
console.log(`sigmoid first: ${bceLoss(extreme.sigmoid(), one).item().toFixed(2)}`)
console.log(`with logits:   ${bceWithLogitsLoss(extreme, one).item().toFixed(2)}`)
