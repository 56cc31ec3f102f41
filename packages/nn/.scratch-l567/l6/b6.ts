import { noGrad, tensor } from '@gradschool/tensor'

const w = tensor(0.0, { dtype: 'float64', requiresGrad: true })
const lossOf = () => w.sub(3).square() // smallest at w = 3

// Step 1, backpropagation: compute the gradient. Nothing changes w.
const loss = lossOf()
loss.backward()
console.log(`loss ${loss.item().toFixed(3)}, gradient ${w.grad!.item().toFixed(3)}, w still ${w.item()}`)

// Step 2, gradient descent: use the gradient to change w.
noGrad(() => w.sub_(w.grad!, 0.1))
w.grad = null // clear it, or the next backward() adds to it
console.log(`after the update: w ${w.item().toFixed(3)}, loss ${lossOf().item().toFixed(3)}`)
