/** Algebraic laws and agreement with plain-loop references, over random shapes and values. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { avgPool2d, cat, conv2d, linear, maxPool2d, stack, sumTo, tensor } from '../src/index.js'
import {
  broadcastableTo,
  broadcastPairArb,
  constant,
  distinctSpecsArb,
  permutationArb,
  type Shape,
  type Spec,
  shapeArb,
  sizeOf,
  specArb,
} from './support/arbitraries.js'
import {
  expectClose,
  expectSame,
  indices,
  naiveConv2d,
  naiveMatmul,
  naivePool2d,
} from './support/reference.js'

const RUNS = { numRuns: 60 }

describe('broadcasting', () => {
  it('add is commutative, with the broadcast result shape either way round', () => {
    fc.assert(
      fc.property(
        broadcastPairArb.chain(([a, b]) => fc.tuple(specArb(a), specArb(b))),
        ([a, b]) => expectSame(constant(a).add(constant(b)), constant(b).add(constant(a))),
      ),
      RUNS,
    )
  })
  it('mul is commutative and agrees with reading both operands at broadcast positions', () => {
    fc.assert(
      fc.property(
        broadcastPairArb.chain(([a, b]) => fc.tuple(specArb(a), specArb(b))),
        ([a, b]) => {
          const product = constant(a).mul(constant(b))
          expectSame(product, constant(b).mul(constant(a)))
          // Reference: the i-th output reads each operand at the right-aligned index, size-1 dims pinned to 0.
          const read = (s: Spec, index: number[]) => {
            const lead = index.length - s.shape.length
            let at = 0
            s.shape.forEach((size, d) => {
              at = at * size + (size === 1 ? 0 : index[d + lead]!)
            })
            return s.values[at]!
          }
          const expected = [...indices(product.shape)].map((ix) => read(a, ix) * read(b, ix))
          expect(Array.from(product.data)).toEqual(expected)
        },
      ),
      RUNS,
    )
  })
  it('expand then sumTo multiplies by the number of copies', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((full) =>
          broadcastableTo(full).chain((s) => fc.tuple(specArb(s), fc.constant(full))),
        ),
        ([spec, full]) => {
          const copies = sizeOf(full) / sizeOf(spec.shape)
          expectClose(sumTo(constant(spec).expand(full), spec.shape), constant(spec).mul(copies), 1e-12)
        },
      ),
      RUNS,
    )
  })
})

describe('movement', () => {
  it('reshape round-trips and keeps row-major order', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 4).chain((s) => fc.tuple(specArb(s), permutationArb(s.length))),
        ([spec, order]) => {
          const x = constant(spec)
          const reshaped = x.reshape(order.map((i) => spec.shape[i]!))
          expect(Array.from(reshaped.data)).toEqual(spec.values)
          expectSame(reshaped.reshape(spec.shape), x)
          expectSame(x.flatten().reshape(spec.shape), x)
        },
      ),
      RUNS,
    )
  })
  it('transpose twice is the identity, also for 0-d tensors', () => {
    // A 0-d tensor accepts dims 0 and -1, like PyTorch.
    const dimArb = (rank: number) => fc.integer({ min: -Math.max(rank, 1), max: Math.max(rank - 1, 0) })
    fc.assert(
      fc.property(
        shapeArb(0, 4).chain((s) => fc.tuple(specArb(s), dimArb(s.length), dimArb(s.length))),
        ([spec, d0, d1]) => {
          const x = constant(spec)
          expectSame(x.transpose(d0, d1).transpose(d0, d1), x)
          expectSame(x.transpose(d0, d1), x.transpose(d1, d0))
        },
      ),
      RUNS,
    )
  })
  it('transpose of a matrix matches its definition', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
          .chain(([r, c]) => specArb([r, c])),
        (spec) => {
          const [r, c] = spec.shape as [number, number]
          const t = constant(spec).t()
          expect(t.shape).toEqual([c, r])
          for (let i = 0; i < r; i++)
            for (let j = 0; j < c; j++) expect(t.data[j * r + i]).toBe(spec.values[i * c + j])
        },
      ),
      RUNS,
    )
  })
  it('permute then the inverse permutation is the identity', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 4).chain((s) => fc.tuple(specArb(s), permutationArb(s.length))),
        ([spec, order]) => {
          const inverse: number[] = []
          order.forEach((d, i) => {
            inverse[d] = i
          })
          const x = constant(spec)
          const permuted = x.permute(order)
          expect(permuted.shape).toEqual(order.map((d) => spec.shape[d]))
          expectSame(permuted.permute(inverse), x)
        },
      ),
      RUNS,
    )
  })
  it('unsqueeze then squeeze of the same dim is the identity', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((s) => fc.tuple(specArb(s), fc.integer({ min: -s.length - 1, max: s.length }))),
        ([spec, dim]) => {
          const x = constant(spec)
          const u = x.unsqueeze(dim)
          expect(u.ndim).toBe(x.ndim + 1)
          expectSame(u.squeeze(dim), x)
        },
      ),
      RUNS,
    )
  })
})

describe('joining and splitting', () => {
  it('cat of a split is the original tensor, along any dim', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 3, 5).chain((s) =>
          fc.tuple(specArb(s), fc.integer({ min: 0, max: s.length - 1 }), fc.integer({ min: 1, max: 5 })),
        ),
        ([spec, dim, chunk]) => {
          const x = constant(spec)
          const parts = x.split(chunk, dim)
          expect(parts.length).toBe(Math.ceil(spec.shape[dim]! / chunk))
          expectSame(cat(parts, dim), x)
        },
      ),
      RUNS,
    )
  })
  it('stack then select gives back each tensor', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((s) => fc.tuple(specArb(s), specArb(s), fc.integer({ min: 0, max: s.length }))),
        ([a, b, dim]) => {
          const s = stack([constant(a), constant(b)], dim)
          expectSame(s.select(dim, 0), constant(a))
          expectSame(s.select(dim, 1), constant(b))
        },
      ),
      RUNS,
    )
  })
})

describe('softmax', () => {
  const softmaxCase = shapeArb(1, 3, 5).chain((s) =>
    fc.tuple(specArb(s), fc.integer({ min: -s.length, max: s.length - 1 })),
  )

  it('sums to 1 along its dim and is positive', () => {
    fc.assert(
      fc.property(softmaxCase, ([spec, dim]) => {
        const p = constant(spec).mul(10).softmax(dim)
        expect(p.min().item()).toBeGreaterThan(0)
        expectClose(p.sum(dim), constant(spec).sum(dim).mul(0).add(1), 1e-12)
      }),
      RUNS,
    )
  })
  it('is invariant to adding a constant along its dim, even a large one', () => {
    fc.assert(
      fc.property(softmaxCase, fc.double({ min: -500, max: 500, noNaN: true }), ([spec, dim], shift) => {
        const x = constant(spec)
        expectClose(x.add(shift).softmax(dim), x.softmax(dim), 1e-12, 1e-9)
        // A different shift per slice (broadcast along dim) changes nothing either.
        const perSlice = x.sum(dim, true).mul(shift)
        expectClose(x.add(perSlice).softmax(dim), x.softmax(dim), 1e-12, 1e-9)
      }),
      RUNS,
    )
  })
  it('logSoftmax equals log of softmax', () => {
    fc.assert(
      fc.property(softmaxCase, ([spec, dim]) => {
        const x = constant(spec)
        expectClose(x.logSoftmax(dim), x.softmax(dim).log(), 1e-12, 1e-12)
      }),
      RUNS,
    )
  })
  it('logSoftmax stays finite where log(softmax) underflows', () => {
    const x = tensor([0, -1000], { dtype: 'float64' })
    expect(Array.from(x.logSoftmax(0).data)).toEqual([0, -1000])
    expect(x.softmax(0).log().data[1]).toBe(Number.NEGATIVE_INFINITY)
  })
  it('logsumexp equals log of the sum of exp, and survives large inputs', () => {
    fc.assert(
      fc.property(softmaxCase, ([spec, dim]) => {
        const x = constant(spec)
        expectClose(x.logsumexp(dim), x.exp().sum(dim).log(), 1e-12, 1e-12)
        expectClose(x.add(1000).logsumexp(dim), x.logsumexp(dim).add(1000), 1e-9, 1e-12)
      }),
      RUNS,
    )
  })
})

describe('reductions', () => {
  it('sum over all dims equals summing one dim first and then the rest', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 4).chain((s) =>
          fc.tuple(specArb(s), fc.integer({ min: 0, max: s.length - 1 }), fc.boolean()),
        ),
        ([spec, dim, keepDim]) => {
          const x = constant(spec)
          const total = spec.values.reduce((a, b) => a + b, 0)
          expect(x.sum().item()).toBeCloseTo(total, 10)
          expect(x.sum(dim, keepDim).sum().item()).toBeCloseTo(total, 10)
          expect(x.sum().shape).toEqual([])
        },
      ),
      RUNS,
    )
  })
  it('summing a list of dims at once equals summing them one at a time', () => {
    fc.assert(
      fc.property(
        shapeArb(2, 4).chain((s) =>
          fc.tuple(
            specArb(s),
            fc.uniqueArray(fc.integer({ min: 0, max: s.length - 1 }), { minLength: 1, maxLength: s.length }),
          ),
        ),
        ([spec, dims]) => {
          const x = constant(spec)
          let stepwise = x
          for (const d of [...dims].sort((a, b) => b - a)) stepwise = stepwise.sum(d)
          expectClose(x.sum(dims), stepwise, 1e-12, 1e-12)
          expectClose(x.mean(dims), stepwise.div(dims.reduce((n, d) => n * spec.shape[d]!, 1)), 1e-12, 1e-12)
        },
      ),
      RUNS,
    )
  })
  it('max and min bound every element, and argmax points at the max', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 3, 5).chain((s) =>
          fc.tuple(distinctSpecsArb([s]), fc.integer({ min: 0, max: s.length - 1 })),
        ),
        ([[spec], dim]) => {
          const x = constant(spec!)
          expect(x.max().item()).toBe(Math.max(...spec!.values))
          expect(x.min().item()).toBe(Math.min(...spec!.values))
          const maxAlong = x.max(dim, true)
          expect(x.le(maxAlong).min().item()).toBe(1)
          expectSame(x.gather(dim, x.argmax(dim, true)), maxAlong)
          expectSame(x.gather(dim, x.argmin(dim, true)), x.min(dim, true))
        },
      ),
      RUNS,
    )
  })
  it('var is the mean squared deviation with Bessel correction, std its square root', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) => specArb([n])),
        (spec) => {
          const n = spec.values.length
          const mu = spec.values.reduce((a, b) => a + b, 0) / n
          const ss = spec.values.reduce((a, v) => a + (v - mu) ** 2, 0)
          const x = constant(spec)
          expect(x.var().item()).toBeCloseTo(ss / (n - 1), 10)
          expect(x.var(0, false, false).item()).toBeCloseTo(ss / n, 10)
          expect(x.std().item()).toBeCloseTo(Math.sqrt(ss / (n - 1)), 10)
        },
      ),
      RUNS,
    )
  })
})

/** A matmul size: often 1 (row/column vectors), sometimes big enough for the blocked kernel. */
const matSize = fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 6, max: 13 }))

function matmulPairArb(): fc.Arbitrary<[Spec, Spec]> {
  return fc
    .record({
      m: matSize,
      k: matSize,
      n: matSize,
      rankA: fc.integer({ min: 1, max: 4 }),
      rankB: fc.integer({ min: 1, max: 4 }),
      batch: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
      onesA: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
      onesB: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    })
    .chain((p) => {
      const batchOf = (rank: number, ones: boolean[]) =>
        p.batch.map((b, i) => (ones[i] ? 1 : b)).slice(4 - rank)
      const a: Shape = p.rankA === 1 ? [p.k] : [...batchOf(p.rankA, p.onesA), p.m, p.k]
      const b: Shape = p.rankB === 1 ? [p.k] : [...batchOf(p.rankB, p.onesB), p.k, p.n]
      return fc.tuple(specArb(a), specArb(b))
    })
}

describe('matmul', () => {
  it('agrees with a triple loop on random shapes: vectors, 1×N, N×1, odd sizes, broadcast batches', () => {
    fc.assert(
      fc.property(matmulPairArb(), ([a, b]) =>
        expectClose(constant(a).matmul(constant(b)), naiveMatmul(a, b), 1e-12, 1e-12),
      ),
      { numRuns: 150 },
    )
  })
  it('agrees with the triple loop in float32 too', () => {
    fc.assert(
      fc.property(matmulPairArb(), ([a, b]) => {
        const product = tensor(a.values).reshape(a.shape).matmul(tensor(b.values).reshape(b.shape))
        expect(product.dtype).toBe('float32')
        expectClose(product, naiveMatmul(a, b), 1e-4, 1e-4)
      }),
      RUNS,
    )
  })
  it('distributes over add (within tolerance)', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(matSize, matSize, matSize)
          .chain(([m, k, n]) => fc.tuple(specArb([m, k]), specArb([k, n]), specArb([k, n]))),
        ([a, b, c]) => {
          const [x, y, z] = [constant(a), constant(b), constant(c)]
          expectClose(x.matmul(y.add(z)), x.matmul(y).add(x.matmul(z)), 1e-12, 1e-9)
          expectClose(y.add(z).t().matmul(x.t()), y.t().matmul(x.t()).add(z.t().matmul(x.t())), 1e-12, 1e-9)
        },
      ),
      RUNS,
    )
  })
  it('of a transpose is the transpose of the swapped product', () => {
    fc.assert(
      fc.property(
        fc.tuple(matSize, matSize, matSize).chain(([m, k, n]) => fc.tuple(specArb([m, k]), specArb([k, n]))),
        ([a, b]) => {
          const [x, y] = [constant(a), constant(b)]
          expectClose(x.matmul(y).t(), y.t().matmul(x.t()), 1e-12, 1e-12)
        },
      ),
      RUNS,
    )
  })
  it('agrees with the triple loop when either operand is mostly zeros (the zero-skipping path)', () => {
    const sparseValues = (length: number) =>
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
        ),
        {
          minLength: length,
          maxLength: length,
        },
      )
    const denseValues = (length: number) =>
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: length, maxLength: length })
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: 9, max: 24 }),
            fc.integer({ min: 9, max: 24 }),
            fc.integer({ min: 9, max: 24 }),
            fc.boolean(),
          )
          .chain(([m, k, n, leftSparse]) =>
            fc.tuple(
              (leftSparse ? sparseValues : denseValues)(m * k).map((values) => ({ shape: [m, k], values })),
              (leftSparse ? denseValues : sparseValues)(k * n).map((values) => ({ shape: [k, n], values })),
            ),
          ),
        ([a, b]) => {
          expectClose(constant(a).matmul(constant(b)), naiveMatmul(a, b), 1e-12, 1e-12)
          // Transposed operands, as backward uses them.
          const at = constant(a).t()
          const bt = constant(b).t()
          expectClose(bt.matmul(at), transposeSpec(naiveMatmul(a, b)), 1e-12, 1e-12)
          // Backward reads the operands transposed in place: d sum(A·B)/dA = row sums of B, d/dB = column sums of A.
          const [m, k] = a.shape as [number, number]
          const n = b.shape[1]!
          const la = constant(a).requiresGrad_()
          const lb = constant(b).requiresGrad_()
          la.matmul(lb).sum().backward()
          const rowSumsB = Array.from({ length: k }, (_, p) =>
            b.values.slice(p * n, (p + 1) * n).reduce((x, y) => x + y, 0),
          )
          const colSumsA = Array.from({ length: k }, (_, p) =>
            Array.from({ length: m }, (_, i) => a.values[i * k + p]!).reduce((x, y) => x + y, 0),
          )
          expectClose(
            la.grad!,
            { shape: [m, k], values: Array.from({ length: m * k }, (_, at) => rowSumsB[at % k]!) },
            1e-12,
            1e-12,
          )
          expectClose(
            lb.grad!,
            {
              shape: [k, n],
              values: Array.from({ length: k * n }, (_, at) => colSumsA[Math.floor(at / n)]!),
            },
            1e-12,
            1e-12,
          )
        },
      ),
      RUNS,
    )
  })
  it('keeps 0·∞ = NaN when one operand is mostly zeros', () => {
    const zeros = new Array(64).fill(0)
    const a = tensor(zeros, { dtype: 'float64' }).reshape(8, 8)
    const b = tensor(
      zeros.map((_, i) => (i === 0 ? Infinity : 1)),
      { dtype: 'float64' },
    ).reshape(8, 8)
    expect(Number.isNaN(a.matmul(b).data[0]!)).toBe(true)
    expect(Number.isNaN(b.matmul(a).data[0]!)).toBe(true)
  })
  it('linear equals matmul with the transposed weight plus the bias', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(matSize, matSize, matSize)
          .chain(([m, k, n]) => fc.tuple(specArb([m, k]), specArb([n, k]), specArb([n]))),
        ([x, w, b]) => {
          const [xi, wi, bi] = [constant(x), constant(w), constant(b)]
          expectClose(linear(xi, wi, bi), xi.matmul(wi.t()).add(bi), 1e-12, 1e-12)
          expectClose(linear(xi, wi), xi.matmul(wi.t()), 1e-12, 1e-12)
        },
      ),
      RUNS,
    )
  })
  it('dot and outer agree with their definitions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(specArb([n]), specArb([n]), specArb([n + 2]))),
        ([a, b, c]) => {
          const dot = a.values.reduce((s, v, i) => s + v * b.values[i]!, 0)
          expect(constant(a).dot(constant(b)).item()).toBeCloseTo(dot, 12)
          const outer = a.values.flatMap((u) => c.values.map((v) => u * v))
          expectClose(constant(a).outer(constant(c)), {
            shape: [a.values.length, c.values.length],
            values: outer,
          })
        },
      ),
      RUNS,
    )
  })
})

describe('convolution and pooling', () => {
  it('conv2d agrees with a direct convolution loop', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            n: fc.integer({ min: 1, max: 2 }),
            c: fc.integer({ min: 1, max: 3 }),
            h: fc.integer({ min: 1, max: 7 }),
            w: fc.integer({ min: 1, max: 7 }),
            out: fc.integer({ min: 1, max: 3 }),
            kh: fc.integer({ min: 1, max: 3 }),
            kw: fc.integer({ min: 1, max: 3 }),
            stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
            padding: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
            bias: fc.boolean(),
          })
          .filter((g) => g.h + 2 * g.padding[0] >= g.kh && g.w + 2 * g.padding[1] >= g.kw)
          .chain((g) =>
            fc.tuple(
              specArb([g.n, g.c, g.h, g.w]),
              specArb([g.out, g.c, g.kh, g.kw]),
              g.bias ? specArb([g.out]) : fc.constant(null),
              fc.constant(g),
            ),
          ),
        ([x, w, b, g]) => {
          const got = conv2d(constant(x), constant(w), b && constant(b), {
            stride: g.stride,
            padding: g.padding,
          })
          expectClose(got, naiveConv2d(x, w, b, g.stride, g.padding), 1e-12, 1e-12)
        },
      ),
      RUNS,
    )
  })
  it('maxPool2d and avgPool2d agree with direct loops', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            n: fc.integer({ min: 1, max: 2 }),
            c: fc.integer({ min: 1, max: 3 }),
            h: fc.integer({ min: 2, max: 7 }),
            w: fc.integer({ min: 2, max: 7 }),
            k: fc.integer({ min: 1, max: 3 }),
            stride: fc.integer({ min: 1, max: 3 }),
            padding: fc.integer({ min: 0, max: 1 }),
          })
          .filter((p) => p.padding * 2 <= p.k && p.k <= Math.min(p.h, p.w))
          .chain((p) => fc.tuple(specArb([p.n, p.c, p.h, p.w]), fc.constant(p))),
        ([x, p]) => {
          const options = { stride: p.stride, padding: p.padding }
          expectClose(maxPool2d(constant(x), p.k, options), naivePool2d('max', x, p.k, p.stride, p.padding))
          expectClose(
            avgPool2d(constant(x), p.k, options),
            naivePool2d('avg', x, p.k, p.stride, p.padding),
            1e-12,
            1e-12,
          )
        },
      ),
      RUNS,
    )
  })
})

describe('indexing', () => {
  it('indexSelect picks the listed slices, gather picks by index along a dim', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
          .chain(([r, c]) =>
            fc.tuple(
              specArb([r, c]),
              fc.array(fc.integer({ min: 0, max: r - 1 }), { minLength: 1, maxLength: 6 }),
              fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: r * 2, maxLength: r * 2 }),
            ),
          ),
        ([spec, rows, cols]) => {
          const [r, c] = spec.shape as [number, number]
          const x = constant(spec)
          const picked = x.indexSelect(0, tensor(rows, { dtype: 'int32' }))
          expect(picked.toArray()).toEqual(rows.map((i) => spec.values.slice(i * c, (i + 1) * c)))
          const gathered = x.gather(1, tensor(cols, { dtype: 'int32' }).reshape([r, 2]))
          const expected = Array.from({ length: r }, (_, i) =>
            [0, 1].map((j) => spec.values[i * c + cols[i * 2 + j]!]!),
          )
          expect(gathered.toArray()).toEqual(expected)
        },
      ),
      RUNS,
    )
  })
})

function transposeSpec(x: Spec): Spec {
  const [rows, cols] = x.shape as [number, number]
  const values: number[] = []
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) values.push(x.values[i * cols + j]!)
  return { shape: [cols, rows], values }
}
