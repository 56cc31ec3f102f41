import { Tensor, TensorError } from '@gradschool/tensor'
import type { Reduction } from './reduction.js'

export interface NLLOptions {
  reduction?: Reduction
  /** A weight per class [C]; 'mean' then divides by the total weight of the targets. */
  weight?: Tensor
  /** Targets equal to this contribute nothing and are left out of the mean (default -100). */
  ignoreIndex?: number
}

export interface CrossEntropyOptions extends NLLOptions {
  /** Mixes the one-hot target with the uniform distribution: (1 − ε)·onehot + ε/C. */
  labelSmoothing?: number
}

const fmt = (shape: readonly number[]): string => `[${shape.join(',')}]`

/**
 * Negative log-likelihood of class indices: −input[i, target[i]], for log-probabilities
 * [N, C] (or [N, C, d…] with target [N, d…]) and int32 targets.
 */
export function nllLoss(input: Tensor, target: Tensor, options: NLLOptions = {}): Tensor {
  return classIndexLoss('nllLoss', input, target, options, 0)
}

/**
 * Softmax cross-entropy from raw scores: logSoftmax over the class dim (dim 1), then the
 * negative log-likelihood of the target classes. `target` is either int32 class indices
 * ([N] or [N, d…]) or class probabilities shaped like `input`.
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const smoothing = options.labelSmoothing ?? 0
  if (!(smoothing >= 0 && smoothing <= 1)) {
    throw new TensorError('crossEntropy', `labelSmoothing must be between 0 and 1, got ${smoothing}`)
  }
  if (input.ndim < 2) {
    throw new TensorError(
      'crossEntropy',
      `expected scores of shape [N,C] or [N,C,d...], got ${fmt(input.shape)}`,
    )
  }
  const logProbs = input.logSoftmax(1)
  if (target.dtype !== 'int32') return probabilityLoss(logProbs, target, options, smoothing)
  return classIndexLoss('crossEntropy', logProbs, target, options, smoothing)
}

/** [N, C, d…] → [N·d…, C] so every row is one prediction. */
function rowsOf(x: Tensor): Tensor {
  if (x.ndim === 2) return x
  const order = [0, ...Array.from({ length: x.ndim - 2 }, (_, i) => i + 2), 1]
  return x.permute(order).reshape([-1, x.shape[1]!])
}

function classIndexLoss(
  loss: string,
  logProbs: Tensor,
  target: Tensor,
  options: NLLOptions,
  smoothing: number,
): Tensor {
  if (logProbs.ndim < 2) {
    throw new TensorError(loss, `expected input of shape [N,C] or [N,C,d...], got ${fmt(logProbs.shape)}`)
  }
  const classes = logProbs.shape[1]!
  const expectedTarget = [logProbs.shape[0]!, ...logProbs.shape.slice(2)]
  if (target.ndim !== expectedTarget.length || target.shape.some((d, i) => d !== expectedTarget[i])) {
    throw new TensorError(
      loss,
      `input ${fmt(logProbs.shape)} needs int32 class indices of shape ${fmt(expectedTarget)}, got ${fmt(target.shape)}`,
    )
  }
  if (target.dtype !== 'int32')
    throw new TensorError(loss, `target must hold int32 class indices, got dtype ${target.dtype}`)
  const weight = options.weight
  if (weight && (weight.ndim !== 1 || weight.shape[0] !== classes)) {
    throw new TensorError(
      loss,
      `weight must have shape [${classes}] (one per class), got ${fmt(weight.shape)}`,
    )
  }
  const ignoreIndex = options.ignoreIndex ?? -100
  const rows = rowsOf(logProbs)
  const count = target.numel()
  const index = new Int32Array(count)
  // Per-row factor: 0 for ignored targets, else the class weight (1 without weights).
  const rowWeight = new Float64Array(count)
  const kept = new Float64Array(count)
  let anyIgnored = false
  for (let i = 0; i < count; i++) {
    const t = target.data[i]!
    if (t === ignoreIndex) {
      anyIgnored = true
      continue
    }
    kept[i] = 1
    if (t < 0 || t >= classes) {
      throw new TensorError(
        loss,
        `target ${t} at position ${i} is out of range for ${classes} classes (expected 0..${classes - 1})`,
      )
    }
    index[i] = t
    rowWeight[i] = weight ? weight.data[t]! : 1
  }
  const plain = weight === undefined && !anyIgnored
  const dtype = rows.dtype
  const picked = rows.gather(1, new Tensor(index, [count, 1], 'int32')).reshape([count])
  let perRow = plain ? picked.neg() : picked.mul(new Tensor(rowWeight, [count], 'float64').to(dtype)).neg()
  if (smoothing > 0) {
    const classWeighted = weight ? rows.mul(weight.to(dtype)) : rows
    let uniformTerm = classWeighted.sum(1).neg()
    if (anyIgnored) uniformTerm = uniformTerm.mul(new Tensor(kept, [count], 'float64').to(dtype))
    perRow = perRow.mul(1 - smoothing).add(uniformTerm.mul(smoothing / classes))
  }
  switch (options.reduction ?? 'mean') {
    case 'none':
      return perRow.reshape(target.shape)
    case 'sum':
      return perRow.sum()
    case 'mean': {
      let total = 0
      for (let i = 0; i < count; i++) total += rowWeight[i]!
      return perRow.sum().div(plain ? count : total)
    }
    default:
      throw new TensorError(
        loss,
        `reduction must be 'mean', 'sum' or 'none', got ${JSON.stringify(options.reduction)}`,
      )
  }
}

function probabilityLoss(
  logProbs: Tensor,
  target: Tensor,
  options: CrossEntropyOptions,
  smoothing: number,
): Tensor {
  if (target.ndim !== logProbs.ndim || target.shape.some((d, i) => d !== logProbs.shape[i])) {
    throw new TensorError(
      'crossEntropy',
      `target must be int32 class indices or probabilities shaped like the input ${fmt(logProbs.shape)}, got ${target.dtype} ${fmt(target.shape)}`,
    )
  }
  const classes = logProbs.shape[1]!
  const rows = rowsOf(logProbs)
  let probabilities = rowsOf(target)
  if (smoothing > 0) probabilities = probabilities.mul(1 - smoothing).add(smoothing / classes)
  if (options.weight) probabilities = probabilities.mul(options.weight)
  const perRow = rows.mul(probabilities).sum(1).neg()
  switch (options.reduction ?? 'mean') {
    case 'none':
      return perRow.reshape([logProbs.shape[0]!, ...logProbs.shape.slice(2)])
    case 'sum':
      return perRow.sum()
    case 'mean':
      return perRow.mean()
    default:
      throw new TensorError(
        'crossEntropy',
        `reduction must be 'mean', 'sum' or 'none', got ${JSON.stringify(options.reduction)}`,
      )
  }
}
