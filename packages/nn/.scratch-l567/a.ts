import { tensor, gradcheck } from '@gradschool/tensor'
import { mseLoss, l1Loss, bceLoss, bceWithLogitsLoss, crossEntropy, nllLoss } from '@gradschool/nn'
const p = tensor([2.5, 0.0, 2.0])
const t = tensor([3.0, -0.5, 2.0])
console.log(mseLoss(p, t).toString())
console.log(mseLoss(p, t).item().toFixed(4))
const x = tensor([1, 2], {requiresGrad: true})
const y = x.mul(x).sum()
y.backward()
console.log(x.grad!.toString())
console.log(crossEntropy(tensor([[2, 1, 0.1]]), tensor([0], {dtype:'int32'})).item())
console.log(String(gradcheck))
