import { checkSameLength, labelsOf, type Values } from './values.js'

/**
 * Classification metrics over class labels, `(predictions, targets)` like the losses.
 * Predictions may also be a [N, C] tensor of scores (argmax is taken).
 */

export interface AveragingOptions {
  /**
   * `'binary'` (default) scores only the class `positive` (default 1); `'macro'` averages the
   * per-class scores over every class found in predictions or targets (or 0..numClasses-1).
   */
  average?: 'binary' | 'macro'
  positive?: number
  numClasses?: number
}

/** Fraction of predictions equal to their target. */
export function accuracy(predictions: Values, targets: Values): number {
  const p = labelsOf(predictions, 'accuracy', 'predictions')
  const t = labelsOf(targets, 'accuracy', 'targets')
  checkSameLength('accuracy', p, t)
  let correct = 0
  for (let i = 0; i < p.length; i++) if (p[i] === t[i]) correct++
  return correct / p.length
}

/** Of the items predicted as the class, the fraction that are (0 when none are predicted). */
export function precision(predictions: Values, targets: Values, options: AveragingOptions = {}): number {
  return averaged('precision', predictions, targets, options, (c) =>
    ratio(c.truePositive, c.truePositive + c.falsePositive),
  )
}

/** Of the items of the class, the fraction predicted as it (0 when the class is absent). */
export function recall(predictions: Values, targets: Values, options: AveragingOptions = {}): number {
  return averaged('recall', predictions, targets, options, (c) =>
    ratio(c.truePositive, c.truePositive + c.falseNegative),
  )
}

/** Harmonic mean of precision and recall: 2·TP / (2·TP + FP + FN) (0 when all three are 0). */
export function f1(predictions: Values, targets: Values, options: AveragingOptions = {}): number {
  return averaged('f1', predictions, targets, options, (c) =>
    ratio(2 * c.truePositive, 2 * c.truePositive + c.falsePositive + c.falseNegative),
  )
}

interface ClassCounts {
  truePositive: number
  falsePositive: number
  falseNegative: number
}

function averaged(
  metric: string,
  predictions: Values,
  targets: Values,
  options: AveragingOptions,
  score: (counts: ClassCounts) => number,
): number {
  const p = labelsOf(predictions, metric, 'predictions')
  const t = labelsOf(targets, metric, 'targets')
  checkSameLength(metric, p, t)
  const { average = 'binary', positive = 1, numClasses } = options
  if (average === 'binary') return score(countsFor(positive, p, t))
  const classes = numClasses === undefined ? classesIn(p, t) : Array.from({ length: numClasses }, (_, c) => c)
  let total = 0
  for (const c of classes) total += score(countsFor(c, p, t))
  return total / classes.length
}

function countsFor(positive: number, p: ArrayLike<number>, t: ArrayLike<number>): ClassCounts {
  const counts = { truePositive: 0, falsePositive: 0, falseNegative: 0 }
  for (let i = 0; i < p.length; i++) {
    const predicted = p[i] === positive
    const actual = t[i] === positive
    if (predicted && actual) counts.truePositive++
    else if (predicted) counts.falsePositive++
    else if (actual) counts.falseNegative++
  }
  return counts
}

function classesIn(p: ArrayLike<number>, t: ArrayLike<number>): number[] {
  const seen = new Set<number>()
  for (let i = 0; i < p.length; i++) seen.add(p[i]!).add(t[i]!)
  return [...seen].sort((a, b) => a - b)
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator
}
