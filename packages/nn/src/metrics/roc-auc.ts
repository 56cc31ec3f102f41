import { checkSameLength, labelsOf, type Values, valuesOf } from './values.js'

/**
 * Area under the ROC curve for binary targets (1 = positive, 0 = negative) from scores.
 * Computed as the Mann–Whitney statistic: the probability that a random positive scores
 * higher than a random negative, tied scores counting one half (via average ranks).
 */
export function rocAuc(scores: Values, targets: Values): number {
  const s = valuesOf(scores)
  const t = labelsOf(targets, 'rocAuc', 'targets')
  checkSameLength('rocAuc', s, t)
  let positives = 0
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== 0 && t[i] !== 1)
      throw new Error(`rocAuc: targets must be 0 or 1, got targets[${i}] = ${t[i]}`)
    positives += t[i]!
  }
  const negatives = t.length - positives
  if (positives === 0 || negatives === 0) {
    throw new Error(
      `rocAuc: needs both classes in targets, got ${positives} positives and ${negatives} negatives`,
    )
  }
  const ranks = averageRanks(s)
  let positiveRankSum = 0
  for (let i = 0; i < t.length; i++) if (t[i] === 1) positiveRankSum += ranks[i]!
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** 1-based ranks, tied values sharing the average of the ranks they span. */
function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!)
  const ranks = new Float64Array(values.length)
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++
    const rank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank
    start = end + 1
  }
  return ranks
}
