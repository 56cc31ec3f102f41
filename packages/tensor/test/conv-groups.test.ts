/**
 * conv2d unfolds a batch in groups of images (one product per group, bounded scratch). A batch
 * large enough to need several groups must give, image by image, what each image alone gives,
 * forward and backward.
 */
import { describe, expect, it } from 'vitest'
import { conv2d, manualSeed, randn, type Tensor } from '../src/index.js'

function maxDifference(a: Tensor, b: Tensor): number {
  let worst = 0
  for (let i = 0; i < a.data.length; i++) worst = Math.max(worst, Math.abs(a.data[i]! - b.data[i]!))
  return worst
}

describe('conv2d over several groups of images', () => {
  it('matches image-by-image convolution in the output and all three gradients', () => {
    manualSeed(11)
    // 36·32·32 floats of columns per image: groups of 7 images, so 9 images make groups of 7 and 2.
    const batch = 9
    const x = randn(batch, 4, 32, 32).requiresGrad_()
    const w = randn(8, 4, 3, 3).mul(0.2).requiresGrad_()
    const b = randn(8).requiresGrad_()
    const r = randn(batch, 8, 32, 32)
    const y = conv2d(x, w, b, { padding: 1 })
    y.mul(r).sum().backward()

    let gw: Tensor | null = null
    let gb: Tensor | null = null
    for (let n = 0; n < batch; n++) {
      // Image n alone (fresh leaves, so the gradients are its own).
      const xn = x.detach().narrow(0, n, 1).requiresGrad_()
      const wn = w.detach().requiresGrad_()
      const bn = b.detach().requiresGrad_()
      const yn = conv2d(xn, wn, bn, { padding: 1 })
      yn.mul(r.narrow(0, n, 1))
        .sum()
        .backward()
      expect(maxDifference(yn, y.detach().narrow(0, n, 1))).toBeLessThan(1e-4)
      expect(maxDifference(xn.grad!, x.grad!.narrow(0, n, 1))).toBeLessThan(1e-4)
      gw = gw ? gw.add(wn.grad!) : wn.grad!
      gb = gb ? gb.add(bn.grad!) : bn.grad!
    }
    // Weight and bias gradients sum over the images (each a sum of 32·32 terms per image).
    expect(maxDifference(w.grad!, gw!)).toBeLessThan(2e-2)
    expect(maxDifference(b.grad!, gb!)).toBeLessThan(2e-2)
  })
})
