import { checkSameLength, labelsOf, type Values } from './values.js'

/**
 * counts[t][p] = how many items of true class t were predicted as p (rows: truth, columns:
 * prediction, as in scikit-learn). Classes are 0..numClasses-1; numClasses defaults to the
 * largest label seen + 1.
 */
export function confusionMatrix(
  predictions: Values,
  targets: Values,
  options: { numClasses?: number } = {},
): number[][] {
  const p = labelsOf(predictions, 'confusionMatrix', 'predictions')
  const t = labelsOf(targets, 'confusionMatrix', 'targets')
  checkSameLength('confusionMatrix', p, t)
  let largest = 0
  for (let i = 0; i < p.length; i++) largest = Math.max(largest, p[i]!, t[i]!)
  const numClasses = options.numClasses ?? largest + 1
  const counts = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0))
  for (let i = 0; i < p.length; i++) {
    const row = counts[t[i]!]
    if (row === undefined || p[i]! < 0 || p[i]! >= numClasses) {
      throw new Error(
        `confusionMatrix: label at index ${i} (target ${t[i]}, prediction ${p[i]}) is outside 0..${numClasses - 1}`,
      )
    }
    row[p[i]!]!++
  }
  return counts
}

/**
 * An aligned text table of a confusion matrix, rows labelled by true class and columns by
 * predicted class. `labels` names the classes (default: their numbers).
 */
export function formatConfusionMatrix(
  matrix: readonly (readonly number[])[],
  labels?: readonly string[],
): string {
  const names = matrix.map((_, i) => labels?.[i] ?? String(i))
  const width = Math.max(...names.map((n) => n.length), ...matrix.flat().map((v) => String(v).length))
  const corner = 'true\\pred'
  const firstWidth = Math.max(corner.length, ...names.map((n) => n.length))
  const cell = (text: string) => text.padStart(width)
  const lines = [[corner.padEnd(firstWidth), ...names.map(cell)].join('  ')]
  matrix.forEach((row, i) => {
    lines.push([names[i]!.padEnd(firstWidth), ...row.map((v) => cell(String(v)))].join('  '))
  })
  return lines.join('\n')
}
