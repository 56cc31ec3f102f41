/** fast-check generators for small shapes and well-conditioned float64 values. */
import fc from 'fast-check'
import { type Tensor, tensor } from '../../src/index.js'

export type Shape = number[]

/** A tensor to build inside a property (tensors carry mutable grads, so never share them across runs). */
export interface Spec {
  shape: Shape
  values: number[]
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1)
}

export function shapeArb(minRank = 0, maxRank = 3, maxSize = 3): fc.Arbitrary<Shape> {
  return fc.array(fc.integer({ min: 1, max: maxSize }), { minLength: minRank, maxLength: maxRank })
}

/** `full` with some leading dims dropped and some sizes replaced by 1: broadcasts back to `full`. */
export function broadcastableTo(full: Shape): fc.Arbitrary<Shape> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: full.length }),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
    )
    .map(([drop, ones]) => full.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)))
}

/** Two shapes that broadcast together (the pair may be equal, one may be 0-d). */
export const broadcastPairArb: fc.Arbitrary<[Shape, Shape]> = shapeArb(0, 3).chain((full) =>
  fc.tuple(broadcastableTo(full), broadcastableTo(full)),
)

export type ValueKind =
  /** any value in [-2, 2] */
  | 'any'
  /** in [0.5, 2.5]: for log, sqrt, pow bases */
  | 'positive'
  /** |v| in [0.5, 2], either sign: for divisors */
  | 'awayFromZero'
  /** multiples of 0.01 in [-3, 3] other than 0, all different: no ties, no kinks at 0 */
  | 'distinct'

export function valuesArb(n: number, kind: ValueKind = 'any'): fc.Arbitrary<number[]> {
  const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
  switch (kind) {
    case 'any':
      return fc.array(double(-2, 2), { minLength: n, maxLength: n })
    case 'positive':
      return fc.array(double(0.5, 2.5), { minLength: n, maxLength: n })
    case 'awayFromZero':
      return fc.array(
        fc.tuple(double(0.5, 2), fc.boolean()).map(([v, negative]) => (negative ? -v : v)),
        { minLength: n, maxLength: n },
      )
    case 'distinct':
      return fc
        .uniqueArray(fc.integer({ min: -299, max: 300 }), { minLength: n, maxLength: n })
        .map((ks) => ks.map((k) => (k <= 0 ? k - 1 : k) / 100))
  }
}

export function specArb(shape: Shape, kind: ValueKind = 'any'): fc.Arbitrary<Spec> {
  return valuesArb(sizeOf(shape), kind).map((values) => ({ shape, values }))
}

/** Specs for several shapes whose values are all different from each other (no ties across tensors). */
export function distinctSpecsArb(shapes: Shape[]): fc.Arbitrary<Spec[]> {
  const total = shapes.reduce((n, s) => n + sizeOf(s), 0)
  return valuesArb(total, 'distinct').map((all) => {
    let at = 0
    return shapes.map((shape) => {
      const values = all.slice(at, at + sizeOf(shape))
      at += values.length
      return { shape, values }
    })
  })
}

/** A float64 leaf that requires grad. */
export function leaf(spec: Spec): Tensor {
  return tensor(Float64Array.from(spec.values)).reshape(spec.shape).requiresGrad_()
}

/** A float64 tensor without grad. */
export function constant(spec: Spec): Tensor {
  return tensor(Float64Array.from(spec.values)).reshape(spec.shape)
}

/** A (possibly empty) subset of dims of a rank, as given to sum/mean (undefined = all dims). */
export function dimsArb(rank: number): fc.Arbitrary<number | number[] | undefined> {
  // A 0-d tensor accepts dim 0 and -1, like PyTorch.
  if (rank === 0) return fc.constantFrom(undefined, 0, -1, [0])
  const dim = fc.integer({ min: -rank, max: rank - 1 })
  return fc.oneof(
    fc.constant(undefined),
    dim,
    fc.uniqueArray(fc.integer({ min: 0, max: rank - 1 }), { minLength: 1, maxLength: rank }),
  )
}

/** The normalised, sorted dims a dims argument refers to. */
export function resolveDims(dims: number | number[] | undefined, rank: number): number[] {
  if (dims === undefined) return Array.from({ length: rank }, (_, i) => i)
  const list = typeof dims === 'number' ? [dims] : dims
  if (rank === 0) return []
  return list.map((d) => (d < 0 ? d + rank : d)).sort((a, b) => a - b)
}

export const permutationArb = (n: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  )
