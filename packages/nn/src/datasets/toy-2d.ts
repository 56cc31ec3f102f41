import { Tensor } from '@gradschool/tensor'
import { RandomGenerator } from '../data/generator.js'

/**
 * Seeded two-dimensional classification sets for first experiments. Each returns
 * `{ x: float32 [N, 2], y: int32 [N] }` with the classes as equal in size as N allows,
 * the samples in random order, and the same points for the same options.
 */
export interface ToyData {
  x: Tensor
  y: Tensor
}

export interface ToyOptions {
  /** Number of points (default 200). */
  n?: number
  /** Standard deviation of the Gaussian noise added to each coordinate. */
  noise?: number
  seed?: number
}

export interface ToyClassOptions extends ToyOptions {
  /** Number of classes. */
  classes?: number
}

/** Four clusters at (±1, ±1); the label is 1 where exactly one coordinate is positive. */
export function xor(options: ToyOptions = {}): ToyData {
  const { n = 200, noise = 0.2, seed = 0 } = options
  return build('xor', n, 2, seed, (random, k, i) => {
    // Class 0 sits at (1,1) and (-1,-1), class 1 at (1,-1) and (-1,1); alternate the corners.
    const sx = i % 2 === 0 ? 1 : -1
    const sy = k === 0 ? sx : -sx
    return [sx + random.normal(0, noise), sy + random.normal(0, noise)]
  })
}

/** A unit circle (class 0) around a smaller circle of radius `factor` (class 1). */
export function circles(options: ToyOptions & { factor?: number } = {}): ToyData {
  const { n = 200, noise = 0.05, seed = 0, factor = 0.5 } = options
  if (!(factor > 0 && factor < 1)) throw new Error(`circles: factor must be between 0 and 1, got ${factor}`)
  return build('circles', n, 2, seed, (random, k) => {
    const angle = random.uniform(0, 2 * Math.PI)
    const radius = k === 0 ? 1 : factor
    return [
      radius * Math.cos(angle) + random.normal(0, noise),
      radius * Math.sin(angle) + random.normal(0, noise),
    ]
  })
}

/** Two interleaving half circles. */
export function moons(options: ToyOptions = {}): ToyData {
  const { n = 200, noise = 0.1, seed = 0 } = options
  return build('moons', n, 2, seed, (random, k) => {
    const angle = random.uniform(0, Math.PI)
    const point = k === 0 ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)]
    return [point[0]! + random.normal(0, noise), point[1]! + random.normal(0, noise)]
  })
}

/** `classes` arms spiralling out of the origin, each one a class. */
export function spirals(options: ToyClassOptions = {}): ToyData {
  const { n = 300, noise = 0.2, seed = 0, classes = 2 } = options
  return build('spirals', n, classes, seed, (random, k) => {
    const radius = random.uniform()
    const angle = (2 * Math.PI * k) / classes + 4 * radius + random.normal(0, noise)
    return [radius * Math.cos(angle), radius * Math.sin(angle)]
  })
}

/** Gaussian blobs of standard deviation `noise`, centred evenly on a circle of radius 2. */
export function gaussians(options: ToyClassOptions = {}): ToyData {
  const { n = 300, noise = 0.5, seed = 0, classes = 3 } = options
  return build('gaussians', n, classes, seed, (random, k) => {
    const angle = (2 * Math.PI * k) / classes
    return [2 * Math.cos(angle) + random.normal(0, noise), 2 * Math.sin(angle) + random.normal(0, noise)]
  })
}

/** Labels points round-robin (so classes differ in size by at most one), then shuffles them. */
function build(
  name: string,
  n: number,
  classes: number,
  seed: number,
  sample: (random: RandomGenerator, label: number, indexInClass: number) => number[],
): ToyData {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: n must be a positive integer, got ${n}`)
  if (!Number.isInteger(classes) || classes < 2)
    throw new Error(`${name}: classes must be an integer ≥ 2, got ${classes}`)
  const random = new RandomGenerator(seed)
  const x = new Float32Array(2 * n)
  const y = new Int32Array(n)
  const order = random.permutation(n)
  for (let i = 0; i < n; i++) {
    const label = i % classes
    const [px, py] = sample(random, label, Math.floor(i / classes))
    const slot = order[i]!
    x[2 * slot] = px!
    x[2 * slot + 1] = py!
    y[slot] = label
  }
  return { x: new Tensor(x, [n, 2], 'float32'), y: new Tensor(y, [n], 'int32') }
}
