import { rand, type Tensor } from '@gradschool/tensor'
import { expectProbability } from './checks.js'
import { Module } from './module.js'

/**
 * Inverted dropout: in train mode each element is zeroed with probability p and the rest are
 * scaled by 1/(1-p), so eval mode is the identity. The mask comes from the seeded generator.
 */
export class Dropout extends Module {
  constructor(readonly p = 0.5) {
    super()
    expectProbability('Dropout', 'p', p)
  }

  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.training)
  }
}

export function dropout(x: Tensor, p: number, training: boolean): Tensor {
  if (!training || p === 0) return x
  if (p === 1) return x.mul(0)
  const mask = rand(x.shape, { dtype: x.dtype === 'float64' ? 'float64' : 'float32' })
  const scale = 1 / (1 - p)
  const m = mask.data
  for (let i = 0; i < m.length; i++) m[i] = m[i]! < p ? 0 : scale
  return x.mul(mask)
}
