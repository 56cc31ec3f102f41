/**
 * Attention weights softmax(Q·Kᵀ / √d) for seeded random queries and keys, with an optional
 * causal mask (query i may only look at keys 0…i), computed with @gradschool/tensor.
 */
import { generateSquareSubsequentMask } from '@gradschool/nn'
import { manualSeed, noGrad, randn } from '@gradschool/tensor'

export interface AttentionMapOptions {
  queries: string[]
  keys: string[]
  causal: boolean
  seed: number
  /** Size of each query and key vector. */
  dimension: number
}

const where = 'attention-map visual'

export function parseAttentionMapOptions(raw: Record<string, unknown>): AttentionMapOptions {
  const labels = (field: string) => {
    const value = raw[field] ?? ['pos 0', 'pos 1', 'pos 2', 'pos 3']
    if (
      !Array.isArray(value) ||
      value.length < 1 ||
      value.length > 12 ||
      !value.every((v) => typeof v === 'string')
    )
      throw new Error(`${where}: "${field}" must list 1 to 12 labels (strings), got ${JSON.stringify(value)}`)
    return value as string[]
  }
  const queries = labels('queries')
  const keys = labels('keys')
  const mask = raw.mask ?? 'none'
  if (mask !== 'none' && mask !== 'causal')
    throw new Error(`${where}: "mask" must be "causal" or "none", got ${JSON.stringify(mask)}`)
  if (mask === 'causal' && queries.length !== keys.length)
    throw new Error(
      `${where}: a causal mask needs as many queries as keys, got ${queries.length} and ${keys.length}`,
    )
  return {
    queries,
    keys,
    causal: mask === 'causal',
    seed: typeof raw.seed === 'number' ? raw.seed : 0,
    dimension: 4,
  }
}

export interface AttentionMap {
  /** weights[i][j]: how much query i attends to key j; each row sums to 1. */
  weights: number[][]
  /** masked[i][j]: the cell was removed by the mask before the softmax. */
  masked: boolean[][]
}

export function computeAttentionMap(options: AttentionMapOptions): AttentionMap {
  const L = options.queries.length
  const S = options.keys.length
  return noGrad(() => {
    manualSeed(options.seed)
    const q = randn([L, options.dimension])
    const k = randn([S, options.dimension])
    let scores = q.matmul(k.t()).div(Math.sqrt(options.dimension))
    if (options.causal) scores = scores.add(generateSquareSubsequentMask(L))
    const weights = scores.softmax(-1)
    return {
      weights: Array.from({ length: L }, (_, i) => Array.from(weights.data.subarray(i * S, (i + 1) * S))),
      masked: Array.from({ length: L }, (_, i) =>
        Array.from({ length: S }, (_, j) => options.causal && j > i),
      ),
    }
  })
}
