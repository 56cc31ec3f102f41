import { full, type Tensor, TensorError, where, zeros } from '@gradschool/tensor'
import { xavierUniform } from '../init.js'
import { expectPositiveInt, expectProbability, fmtShape } from './checks.js'
import { dropout } from './dropout.js'
import { Linear } from './linear.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

export interface MultiheadAttentionOptions {
  /** Dropout on the attention weights (train mode only). */
  dropout?: number
  bias?: boolean
  /** Inputs and output as [N, L, E] instead of [L, N, E]. */
  batchFirst?: boolean
}

export interface AttentionCallOptions {
  /**
   * [N, S]: a non-zero entry marks a padding key that no query may attend to (PyTorch's
   * boolean `key_padding_mask`, with 1 for true since tensors here have no bool dtype).
   */
  keyPaddingMask?: Tensor
  /**
   * [L, S] or [N·numHeads, L, S], added to the attention scores before the softmax
   * (PyTorch's float `attn_mask`): use -Infinity to block a position, e.g. a causal mask
   * from `generateSquareSubsequentMask`.
   */
  attnMask?: Tensor
  /** Also return the attention weights (default true). */
  needWeights?: boolean
  /** Average the weights over heads ([N, L, S]) instead of returning [N, heads, L, S] (default true). */
  averageAttnWeights?: boolean
}

/** A [size, size] additive mask with -Infinity above the diagonal: position i sees only j ≤ i. */
export function generateSquareSubsequentMask(size: number): Tensor {
  const mask = zeros([size, size])
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) mask.data[i * size + j] = Number.NEGATIVE_INFINITY
  return mask
}

/**
 * Multi-head scaled dot-product attention as in PyTorch: one packed input projection
 * `inProjWeight` [3E, E] (xavier uniform) and `inProjBias` (zeros), then per head
 * softmax(q·kᵀ/√d + mask)·v, heads concatenated and projected by `outProj`.
 * forward(query, key, value) returns [output, attention weights or null].
 */
export class MultiheadAttention extends Module {
  readonly headDim: number
  readonly dropout: number
  readonly batchFirst: boolean
  inProjWeight: Parameter
  inProjBias: Parameter | null
  outProj: Linear

  constructor(
    readonly embedDim: number,
    readonly numHeads: number,
    options: MultiheadAttentionOptions = {},
  ) {
    super()
    expectPositiveInt('MultiheadAttention', 'embedDim', embedDim)
    expectPositiveInt('MultiheadAttention', 'numHeads', numHeads)
    if (embedDim % numHeads !== 0) {
      throw new TensorError(
        'MultiheadAttention',
        `embedDim ${embedDim} must be divisible by numHeads ${numHeads}`,
      )
    }
    this.headDim = embedDim / numHeads
    this.dropout = options.dropout ?? 0
    expectProbability('MultiheadAttention', 'dropout', this.dropout)
    this.batchFirst = options.batchFirst ?? false
    const bias = options.bias ?? true
    this.inProjWeight = new Parameter(xavierUniform(zeros([3 * embedDim, embedDim])))
    this.inProjBias = bias ? new Parameter(zeros([3 * embedDim])) : null
    this.outProj = new Linear(embedDim, embedDim, { bias })
    if (this.outProj.bias) this.outProj.bias.data.fill(0)
  }

  forward(
    query: Tensor,
    key: Tensor,
    value: Tensor,
    options: AttentionCallOptions = {},
  ): [Tensor, Tensor | null] {
    const E = this.embedDim
    const heads = this.numHeads
    const d = this.headDim
    for (const [name, t] of [
      ['query', query],
      ['key', key],
      ['value', value],
    ] as const) {
      if (t.ndim !== 3 || t.shape[2] !== E) {
        const layout = this.batchFirst ? `[N,L,${E}]` : `[L,N,${E}]`
        throw new TensorError(
          'MultiheadAttention',
          `expected ${name} of shape ${layout}, got ${fmtShape(t.shape)}`,
        )
      }
    }
    // Work batch-first internally: [N, L, E].
    const [q0, k0, v0] = this.batchFirst
      ? [query, key, value]
      : [query, key, value].map((t) => t.transpose(0, 1))
    const batch = q0!.shape[0]!
    const targetLen = q0!.shape[1]!
    const sourceLen = k0!.shape[1]!
    if (k0!.shape[0] !== batch || v0!.shape[0] !== batch || v0!.shape[1] !== sourceLen) {
      throw new TensorError(
        'MultiheadAttention',
        `query, key and value must share the batch size and key/value the length: got ${fmtShape(query.shape)}, ${fmtShape(key.shape)}, ${fmtShape(value.shape)}`,
      )
    }
    const project = (x: Tensor, part: number, length: number): Tensor => {
      let y = x.matmul(this.inProjWeight.narrow(0, part * E, E).t())
      if (this.inProjBias) y = y.add(this.inProjBias.narrow(0, part * E, E))
      return y.reshape([batch, length, heads, d]).permute([0, 2, 1, 3])
    }
    const q = project(q0!, 0, targetLen)
    const k = project(k0!, 1, sourceLen)
    const v = project(v0!, 2, sourceLen)
    let scores = q.matmul(k.transpose(2, 3)).div(Math.sqrt(d))
    if (options.attnMask) scores = scores.add(this.attnMaskFor(options.attnMask, batch, targetLen, sourceLen))
    if (options.keyPaddingMask)
      scores = scores.add(this.paddingMaskFor(options.keyPaddingMask, batch, sourceLen))
    const weights = dropout(scores.softmax(-1), this.dropout, this.training)
    const context = weights.matmul(v).permute([0, 2, 1, 3]).reshape([batch, targetLen, E])
    const projected = this.outProj.forward(context)
    const output = this.batchFirst ? projected : projected.transpose(0, 1)
    if (options.needWeights === false) return [output, null]
    return [output, options.averageAttnWeights === false ? weights : weights.mean(1)]
  }

  private attnMaskFor(mask: Tensor, batch: number, targetLen: number, sourceLen: number): Tensor {
    if (mask.ndim === 2 && mask.shape[0] === targetLen && mask.shape[1] === sourceLen) return mask
    if (
      mask.ndim === 3 &&
      mask.shape[0] === batch * this.numHeads &&
      mask.shape[1] === targetLen &&
      mask.shape[2] === sourceLen
    ) {
      return mask.reshape([batch, this.numHeads, targetLen, sourceLen])
    }
    throw new TensorError(
      'MultiheadAttention',
      `attnMask must have shape [${targetLen},${sourceLen}] or [${batch * this.numHeads},${targetLen},${sourceLen}], got ${fmtShape(mask.shape)}`,
    )
  }

  private paddingMaskFor(mask: Tensor, batch: number, sourceLen: number): Tensor {
    if (mask.ndim !== 2 || mask.shape[0] !== batch || mask.shape[1] !== sourceLen) {
      throw new TensorError(
        'MultiheadAttention',
        `keyPaddingMask must have shape [${batch},${sourceLen}], got ${fmtShape(mask.shape)}`,
      )
    }
    const blocked = full([batch, 1, 1, sourceLen], Number.NEGATIVE_INFINITY)
    return where(mask.reshape([batch, 1, 1, sourceLen]), blocked, 0)
  }
}
