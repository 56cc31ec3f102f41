import { type Tensor, TensorError, zeros } from '@gradschool/tensor'
import { normal } from '../init.js'
import { expectPositiveInt, fmtShape } from './checks.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

/** A lookup table: int32 indices of any shape → vectors of size embeddingDim (init N(0,1)). */
export class Embedding extends Module {
  weight: Parameter

  constructor(
    readonly numEmbeddings: number,
    readonly embeddingDim: number,
  ) {
    super()
    expectPositiveInt('Embedding', 'numEmbeddings', numEmbeddings)
    expectPositiveInt('Embedding', 'embeddingDim', embeddingDim)
    this.weight = new Parameter(normal(zeros([numEmbeddings, embeddingDim])))
  }

  forward(indices: Tensor): Tensor {
    if (indices.dtype !== 'int32') {
      throw new TensorError(
        'Embedding',
        `indices must have dtype int32, got ${indices.dtype} (shape ${fmtShape(indices.shape)})`,
      )
    }
    const rows = this.weight.indexSelect(0, indices.reshape([-1]))
    return rows.reshape([...indices.shape, this.embeddingDim])
  }
}
