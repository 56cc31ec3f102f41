import type { Dataset } from './dataset.js'
import { RandomGenerator } from './generator.js'
import { Subset } from './subset.js'

/**
 * Splits a dataset into disjoint random subsets that together cover it.
 * `lengths` are either counts summing to the dataset length, or fractions summing to 1
 * (each part gets floor(fraction · n), and the left-over items go one by one to the
 * first parts, as in PyTorch).
 */
export function randomSplit<T>(dataset: Dataset<T>, lengths: readonly number[], seed: number): Subset<T>[] {
  const n = dataset.length
  const counts = resolveLengths(lengths, n)
  const order = new RandomGenerator(seed).permutation(n)
  const parts: Subset<T>[] = []
  let offset = 0
  for (const count of counts) {
    parts.push(new Subset(dataset, order.subarray(offset, offset + count)))
    offset += count
  }
  return parts
}

function resolveLengths(lengths: readonly number[], n: number): number[] {
  if (lengths.length === 0) throw new Error('randomSplit: give at least one length')
  if (lengths.some((l) => !Number.isFinite(l) || l < 0)) {
    throw new Error(`randomSplit: lengths must be non-negative numbers, got [${lengths.join(', ')}]`)
  }
  const total = lengths.reduce((a, b) => a + b, 0)
  const areFractions = Math.abs(total - 1) < 1e-9 && lengths.every((l) => l <= 1)
  if (areFractions) {
    const counts = lengths.map((f) => Math.floor(f * n))
    let remainder = n - counts.reduce((a, b) => a + b, 0)
    for (let i = 0; remainder > 0; i = (i + 1) % counts.length, remainder--) counts[i]!++
    return counts
  }
  if (lengths.some((l) => !Number.isInteger(l)) || total !== n) {
    throw new Error(
      `randomSplit: lengths [${lengths.join(', ')}] must be counts summing to the dataset length ${n}, or fractions summing to 1`,
    )
  }
  return lengths.slice()
}

export interface TrainValTestOptions {
  /** Fraction (0 ≤ f < 1) or count (an integer ≥ 1) of items for validation. */
  validation?: number
  /** Fraction (0 ≤ f < 1) or count (an integer ≥ 1) of items for testing. */
  test?: number
  seed: number
}

export interface TrainValTestSplit<T> {
  train: Subset<T>
  validation: Subset<T>
  test: Subset<T>
}

/** A seeded three-way split; train gets everything not given to validation and test. */
export function trainValTestSplit<T>(
  dataset: Dataset<T>,
  options: TrainValTestOptions,
): TrainValTestSplit<T> {
  const n = dataset.length
  const validation = countOf('validation', options.validation ?? 0, n)
  const test = countOf('test', options.test ?? 0, n)
  if (validation + test > n) {
    throw new Error(
      `trainValTestSplit: validation (${validation}) + test (${test}) items exceed the dataset length ${n}`,
    )
  }
  const [train, val, tst] = randomSplit(dataset, [n - validation - test, validation, test], options.seed)
  return { train: train!, validation: val!, test: tst! }
}

function countOf(name: string, value: number, n: number): number {
  if (Number.isFinite(value) && value >= 0 && value < 1) return Math.round(value * n)
  if (Number.isInteger(value) && value >= 1) return value
  throw new Error(`trainValTestSplit: ${name} must be a fraction in [0, 1) or a whole count, got ${value}`)
}
