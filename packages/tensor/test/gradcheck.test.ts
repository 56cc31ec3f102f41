/**
 * Every differentiable op against central finite differences (float64), over random small
 * shapes including broadcast ones. Generators keep away from kinks and ties (0 for abs/relu,
 * equal values for max/maximum, clamp bounds), where the derivative is not defined.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  abs,
  avgPool2d,
  cat,
  clamp,
  conv2d,
  gradcheck,
  linear,
  logsumexp,
  maximum,
  maxPool2d,
  minimum,
  pow,
  stack,
  sumTo,
  type Tensor,
  tensor,
  where,
} from '../src/index.js'
import {
  broadcastableTo,
  broadcastPairArb,
  constant,
  dimsArb,
  distinctSpecsArb,
  leaf,
  permutationArb,
  resolveDims,
  type Shape,
  type Spec,
  shapeArb,
  sizeOf,
  specArb,
} from './support/arbitraries.js'

const RUNS = { numRuns: 40 }

type Unary = (x: Tensor) => Tensor
type Binary = (x: Tensor, y: Tensor) => Tensor

function checkUnary(fn: Unary, kind: Parameters<typeof specArb>[1] = 'any', shapes = shapeArb(0, 3)) {
  fc.assert(
    fc.property(
      shapes.chain((s) => specArb(s, kind)),
      (spec) => gradcheck(fn, [leaf(spec)]),
    ),
    RUNS,
  )
}

function checkBinary(
  fn: Binary,
  xKind: Parameters<typeof specArb>[1] = 'any',
  yKind: Parameters<typeof specArb>[1] = 'any',
) {
  fc.assert(
    fc.property(
      broadcastPairArb.chain(([a, b]) => fc.tuple(specArb(a, xKind), specArb(b, yKind))),
      ([x, y]) => gradcheck(fn, [leaf(x), leaf(y)]),
    ),
    RUNS,
  )
}

describe('gradcheck itself', () => {
  it('passes a correct gradient and rejects a wrong one, naming the input and element', () => {
    const x = tensor([0.5, -1.5], { dtype: 'float64', requiresGrad: true })
    expect(gradcheck((t) => t.mul(t), [x])).toBe(true)
    // detach() hides one factor from autograd, so the analytic gradient is x instead of 2x.
    expect(() => gradcheck((t) => t.detach().mul(t), [x])).toThrow(
      /input 0 \(shape \[2\]\), element 0: analytic gradient [\d.]+ but numerical [\d.]+/,
    )
  })

  it('refuses float32 inputs', () => {
    const x = tensor([1], { requiresGrad: true })
    expect(() => gradcheck((t) => t.mul(2), [x])).toThrow('gradcheck: inputs should be float64')
  })
})

describe('elementwise binary ops with broadcasting', () => {
  it('add', () => checkBinary((x, y) => x.add(y)))
  it('sub', () => checkBinary((x, y) => x.sub(y)))
  it('mul', () => checkBinary((x, y) => x.mul(y)))
  it('div', () => checkBinary((x, y) => x.div(y), 'any', 'awayFromZero'))
  it('pow with a tensor exponent and positive bases', () =>
    checkBinary((x, y) => x.pow(y), 'positive', 'any'))
  it('pow with a scalar exponent', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((s) => specArb(s, 'positive')),
        fc.constantFrom(-1.5, -1, 0, 0.5, 2, 3, 2.7),
        (spec, e) => gradcheck((x) => x.pow(e), [leaf(spec)]),
      ),
      RUNS,
    )
  })
  it('pow with a number base and a tensor exponent', () => checkUnary((x) => pow(2.5, x)))
  it('with a number operand on either side', () => {
    checkUnary((x) => x.add(3).mul(-2).sub(1))
    checkUnary((x) => tensor(3, { dtype: 'float64' }).div(x), 'awayFromZero')
  })
  it('maximum and minimum (no ties)', () => {
    fc.assert(
      fc.property(
        broadcastPairArb.chain(([a, b]) => distinctSpecsArb([a, b])),
        ([x, y]) => {
          gradcheck((p, q) => maximum(p, q), [leaf(x!), leaf(y!)])
          return gradcheck((p, q) => minimum(p, q), [leaf(x!), leaf(y!)])
        },
      ),
      RUNS,
    )
  })
  it('where, with condition, x and y broadcast together', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((full) =>
          fc.tuple(
            broadcastableTo(full).chain((s) =>
              fc.array(fc.boolean(), { minLength: sizeOf(s), maxLength: sizeOf(s) }).map((v) => ({ s, v })),
            ),
            broadcastableTo(full).chain((s) => specArb(s)),
            broadcastableTo(full).chain((s) => specArb(s)),
          ),
        ),
        ([cond, x, y]) => {
          const c = tensor(cond.v.map(Number)).reshape(cond.s)
          return gradcheck((p, q) => where(c, p, q), [leaf(x), leaf(y)])
        },
      ),
      RUNS,
    )
  })
})

describe('elementwise unary ops', () => {
  it('neg', () => checkUnary((x) => x.neg()))
  it('exp', () => checkUnary((x) => x.exp()))
  it('log (positive inputs)', () => checkUnary((x) => x.log(), 'positive'))
  it('sqrt (positive inputs)', () => checkUnary((x) => x.sqrt(), 'positive'))
  it('abs (away from 0)', () => checkUnary((x) => abs(x), 'distinct'))
  it('square, reciprocal, sin, cos', () => {
    checkUnary((x) => x.square())
    checkUnary((x) => x.reciprocal(), 'awayFromZero')
    checkUnary((x) => x.sin())
    checkUnary((x) => x.cos())
  })
  it('clamp with both bounds, only min, only max (away from the bounds)', () => {
    // Values are multiples of 0.01, the bounds are not.
    checkUnary((x) => clamp(x, -0.505, 1.005), 'distinct')
    checkUnary((x) => x.clamp(0.255), 'distinct')
    checkUnary((x) => x.clamp(null, -0.105), 'distinct')
  })
})

describe('activations', () => {
  it('relu (away from 0)', () => checkUnary((x) => x.relu(), 'distinct'))
  it('leakyRelu (away from 0)', () => {
    checkUnary((x) => x.leakyRelu(), 'distinct')
    checkUnary((x) => x.leakyRelu(0.2), 'distinct')
  })
  it('sigmoid', () => checkUnary((x) => x.sigmoid()))
  it('tanh', () => checkUnary((x) => x.tanh()))
  it('gelu, exact', () => checkUnary((x) => x.gelu()))
  it('gelu, tanh approximation', () => checkUnary((x) => x.gelu('tanh')))
  it('softplus with beta 1 and 2, and in its linear region', () => {
    checkUnary((x) => x.softplus())
    checkUnary((x) => x.softplus(2))
    checkUnary((x) => x.add(30).softplus())
  })
  it('softmax and logSoftmax along any dim', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 3, 4).chain((s) =>
          fc.tuple(specArb(s), fc.integer({ min: -s.length, max: s.length - 1 })),
        ),
        ([spec, dim]) => {
          gradcheck((x) => x.softmax(dim), [leaf(spec)])
          return gradcheck((x) => x.logSoftmax(dim), [leaf(spec)])
        },
      ),
      RUNS,
    )
  })
})

/** A shape, a dims argument over it and keepDim. */
const reductionArb = (kind: Parameters<typeof specArb>[1] = 'any') =>
  shapeArb(0, 3).chain((s) => fc.tuple(specArb(s, kind), dimsArb(s.length), fc.boolean()))

describe('reductions', () => {
  it('sum and mean over any dims, with and without keepDim', () => {
    fc.assert(
      fc.property(reductionArb(), ([spec, dims, keepDim]) => {
        gradcheck((x) => x.sum(dims, keepDim), [leaf(spec)])
        return gradcheck((x) => x.mean(dims, keepDim), [leaf(spec)])
      }),
      RUNS,
    )
  })
  it('max and min over any dims (no ties)', () => {
    fc.assert(
      fc.property(reductionArb('distinct'), ([spec, dims, keepDim]) => {
        gradcheck((x) => x.max(dims, keepDim), [leaf(spec)])
        return gradcheck((x) => x.min(dims, keepDim), [leaf(spec)])
      }),
      RUNS,
    )
  })
  it('var and std, unbiased and biased, over at least two elements', () => {
    fc.assert(
      fc.property(reductionArb('distinct'), fc.boolean(), ([spec, dims, keepDim], unbiased) => {
        const count = resolveDims(dims, spec.shape.length).reduce((n, d) => n * spec.shape[d]!, 1)
        fc.pre(count >= 2)
        gradcheck((x) => x.var(dims, keepDim, unbiased), [leaf(spec)])
        return gradcheck((x) => x.std(dims, keepDim, unbiased), [leaf(spec)])
      }),
      RUNS,
    )
  })
  it('logsumexp over any dims', () => {
    fc.assert(
      fc.property(reductionArb(), ([spec, dims, keepDim]) =>
        gradcheck((x) => logsumexp(x, dims, keepDim), [leaf(spec)]),
      ),
      RUNS,
    )
  })
  it('sumTo back to a broadcastable shape', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((full) => fc.tuple(specArb(full), broadcastableTo(full))),
        ([spec, target]) => gradcheck((x) => sumTo(x, target), [leaf(spec)]),
      ),
      RUNS,
    )
  })
})

describe('movement ops', () => {
  it('reshape to a reordering of the sizes, with and without -1', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 3).chain((s) =>
          fc.tuple(specArb(s), permutationArb(s.length), fc.integer({ min: -1, max: s.length - 1 })),
        ),
        ([spec, order, inferred]) => {
          const target = order.map((i, k) => (k === inferred ? -1 : spec.shape[i]!))
          return gradcheck((x) => x.reshape(target), [leaf(spec)])
        },
      ),
      RUNS,
    )
  })
  it('flatten between any two dims', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 3).chain((s) =>
          fc.tuple(
            specArb(s),
            fc.integer({ min: 0, max: s.length - 1 }),
            fc.integer({ min: 0, max: s.length - 1 }),
          ),
        ),
        ([spec, a, b]) => gradcheck((x) => x.flatten(Math.min(a, b), Math.max(a, b)), [leaf(spec)]),
      ),
      RUNS,
    )
  })
  it('squeeze (all or one dim) and unsqueeze', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 3, 2).chain((s) =>
          fc.tuple(
            specArb(s),
            fc.integer({ min: -s.length, max: s.length - 1 }),
            fc.integer({ min: -s.length - 1, max: s.length }),
          ),
        ),
        ([spec, dim, newDim]) => {
          gradcheck((x) => x.squeeze(), [leaf(spec)])
          gradcheck((x) => x.squeeze(dim), [leaf(spec)])
          return gradcheck((x) => x.unsqueeze(newDim), [leaf(spec)])
        },
      ),
      RUNS,
    )
  })
  it('transpose and permute', () => {
    fc.assert(
      fc.property(
        shapeArb(1, 4).chain((s) =>
          fc.tuple(
            specArb(s),
            fc.integer({ min: -s.length, max: s.length - 1 }),
            fc.integer({ min: -s.length, max: s.length - 1 }),
            permutationArb(s.length),
          ),
        ),
        ([spec, d0, d1, order]) => {
          gradcheck((x) => x.transpose(d0, d1), [leaf(spec)])
          return gradcheck((x) => x.permute(order), [leaf(spec)])
        },
      ),
      RUNS,
    )
  })
  it('expand from a broadcastable shape', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((full) =>
          broadcastableTo(full).chain((s) => fc.tuple(specArb(s), fc.constant(full))),
        ),
        ([spec, full]) => gradcheck((x) => x.expand(full), [leaf(spec)]),
      ),
      RUNS,
    )
  })
})

/** A shape of rank ≥ 1 with a chosen dim. */
const withDimArb = shapeArb(1, 3, 4).chain((s) =>
  fc.tuple(specArb(s), fc.integer({ min: 0, max: s.length - 1 })),
)

describe('indexing and joining', () => {
  it('slice with any start, end and step', () => {
    fc.assert(
      fc.property(
        withDimArb.chain(([spec, dim]) => {
          const n = spec.shape[dim]!
          return fc.tuple(
            fc.constant(spec),
            fc.constant(dim),
            fc.integer({ min: -n, max: n - 1 }),
            fc.integer({ min: -n, max: n }),
            fc.integer({ min: 1, max: 3 }),
          )
        }),
        ([spec, dim, start, end, step]) => gradcheck((x) => x.slice(dim, start, end, step), [leaf(spec)]),
      ),
      RUNS,
    )
  })
  it('narrow and select', () => {
    fc.assert(
      fc.property(
        withDimArb.chain(([spec, dim]) => {
          const n = spec.shape[dim]!
          return fc.tuple(
            fc.constant(spec),
            fc.constant(dim),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: -n, max: n - 1 }),
          )
        }),
        ([spec, dim, start, index]) => {
          const length = spec.shape[dim]! - start
          gradcheck((x) => x.narrow(dim, start, length), [leaf(spec)])
          return gradcheck((x) => x.select(dim, index), [leaf(spec)])
        },
      ),
      RUNS,
    )
  })
  it('indexSelect with repeated indices', () => {
    fc.assert(
      fc.property(
        withDimArb.chain(([spec, dim]) =>
          fc.tuple(
            fc.constant(spec),
            fc.constant(dim),
            fc.array(fc.integer({ min: 0, max: spec.shape[dim]! - 1 }), { minLength: 1, maxLength: 5 }),
          ),
        ),
        ([spec, dim, index]) =>
          gradcheck((x) => x.indexSelect(dim, tensor(index, { dtype: 'int32' })), [leaf(spec)]),
      ),
      RUNS,
    )
  })
  it('gather with an index smaller than or as large as the input', () => {
    fc.assert(
      fc.property(
        withDimArb.chain(([spec, dim]) => {
          const idxShape = spec.shape.map((n, k) =>
            k === dim ? fc.integer({ min: 1, max: 4 }) : fc.integer({ min: 1, max: n }),
          )
          return fc.tuple(fc.constant(spec), fc.constant(dim), fc.tuple(...idxShape)).chain(([s, d, shape]) =>
            fc.tuple(
              fc.constant(s),
              fc.constant(d),
              fc.constant(shape),
              fc.array(fc.integer({ min: 0, max: s.shape[d]! - 1 }), {
                minLength: sizeOf(shape),
                maxLength: sizeOf(shape),
              }),
            ),
          )
        }),
        ([spec, dim, shape, index]) =>
          gradcheck((x) => x.gather(dim, tensor(index, { dtype: 'int32' }).reshape(shape)), [leaf(spec)]),
      ),
      RUNS,
    )
  })
  it('cat, stack and split', () => {
    fc.assert(
      fc.property(
        withDimArb.chain(([spec, dim]) =>
          fc.tuple(
            fc.constant(spec),
            fc.constant(dim),
            specArb(spec.shape.map((n, k) => (k === dim ? n + 1 : n))),
            specArb(spec.shape),
            fc.integer({ min: 1, max: 3 }),
          ),
        ),
        ([a, dim, b, c, chunk]) => {
          gradcheck((x, y) => cat([x, y], dim), [leaf(a), leaf(b)])
          gradcheck((x, y) => stack([x, y], dim), [leaf(a), leaf(c)])
          gradcheck((x, y) => stack([x, y], -1), [leaf(a), leaf(c)])
          // Weighting each part differently checks that every part routes its gradient to the right place.
          return gradcheck(
            (x) =>
              x
                .split(chunk, dim)
                .map((part, i) => part.mul(i + 1).sum())
                .reduce((s, t) => s.add(t)),
            [leaf(a)],
          )
        },
      ),
      RUNS,
    )
  })
  it('split into listed sizes', () => {
    const x = leaf({ shape: [2, 5], values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => v / 7) })
    expect(
      gradcheck(
        (t) => {
          const [p, q, r] = t.split([1, 3, 1], 1)
          return cat([r!.mul(3), p!.exp(), q!.square()], 1)
        },
        [x],
      ),
    ).toBe(true)
  })
})

/** Shapes of a matmul operand of a rank, sharing `k` and with batch dims that broadcast. */
function matmulShapesArb(rankA: number, rankB: number): fc.Arbitrary<[Shape, Shape]> {
  const size = fc.integer({ min: 1, max: 4 })
  return fc.tuple(size, size, size, shapeArb(1, 1, 3)).chain(([m, k, n, [batch]]) =>
    fc.tuple(fc.boolean(), fc.boolean()).map(([aOne, bOne]): [Shape, Shape] => {
      // Batch dims align from the right: rank 4 has [2, batch], rank 3 just [batch] (or 1 to broadcast).
      const batchOf = (rank: number, one: boolean) => [2, one ? 1 : batch!].slice(4 - rank)
      const a = rankA === 1 ? [k] : [...batchOf(rankA, aOne), m, k]
      const b = rankB === 1 ? [k] : [...batchOf(rankB, bOne), k, n]
      return [a, b]
    }),
  )
}

describe('linear algebra', () => {
  const ranks: [number, number][] = [
    [1, 1],
    [1, 2],
    [2, 1],
    [2, 2],
    [1, 3],
    [3, 1],
    [2, 3],
    [3, 2],
    [3, 3],
    [1, 4],
    [4, 1],
    [4, 3],
    [3, 4],
    [4, 4],
  ]
  for (const [ra, rb] of ranks) {
    it(`matmul of a ${ra}-D and a ${rb}-D operand`, () => {
      fc.assert(
        fc.property(
          matmulShapesArb(ra, rb).chain(([a, b]) => fc.tuple(specArb(a), specArb(b))),
          ([a, b]) => gradcheck((x, y) => x.matmul(y), [leaf(a), leaf(b)]),
        ),
        { numRuns: 15 },
      )
    })
  }
  it('matmul large enough for the blocked kernel', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.integer({ min: 9, max: 12 }),
            fc.integer({ min: 9, max: 12 }),
            fc.integer({ min: 9, max: 12 }),
          )
          .chain(([m, k, n]) => fc.tuple(specArb([m, k]), specArb([k, n]))),
        ([a, b]) => gradcheck((x, y) => x.matmul(y), [leaf(a), leaf(b)]),
      ),
      { numRuns: 3 },
    )
  })
  it('dot and outer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(specArb([n]), specArb([n]), specArb([n + 1]))),
        ([a, b, c]) => {
          gradcheck((x, y) => x.dot(y), [leaf(a), leaf(b)])
          return gradcheck((x, y) => x.outer(y), [leaf(a), leaf(c)])
        },
      ),
      RUNS,
    )
  })
  it('linear (x·wᵀ + b, with and without bias, batched input)', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(
            fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
            fc.integer({ min: 1, max: 6 }),
            fc.integer({ min: 1, max: 6 }),
          )
          .chain(([lead, inF, outF]) =>
            fc.tuple(specArb([...lead, inF]), specArb([outF, inF]), specArb([outF])),
          ),
        ([x, w, b]) => {
          gradcheck((xi, wi) => linear(xi, wi), [leaf(x), leaf(w)])
          return gradcheck((xi, wi, bi) => linear(xi, wi, bi), [leaf(x), leaf(w), leaf(b)])
        },
      ),
      RUNS,
    )
  })
})

interface ConvCase {
  input: Spec
  weight: Spec
  bias: Spec | null
  stride: number | [number, number]
  padding: number | [number, number]
}

const convCaseArb: fc.Arbitrary<ConvCase> = fc
  .record({
    n: fc.integer({ min: 1, max: 2 }),
    c: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 3, max: 5 }),
    w: fc.integer({ min: 3, max: 5 }),
    out: fc.integer({ min: 1, max: 2 }),
    kh: fc.integer({ min: 1, max: 3 }),
    kw: fc.integer({ min: 1, max: 3 }),
    stride: fc.oneof(
      fc.integer({ min: 1, max: 2 }),
      fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
    ),
    padding: fc.oneof(
      fc.integer({ min: 0, max: 1 }),
      fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })),
    ),
    withBias: fc.boolean(),
  })
  .chain((g) =>
    fc.record({
      input: specArb([g.n, g.c, g.h, g.w]),
      weight: specArb([g.out, g.c, g.kh, g.kw]),
      bias: g.withBias ? specArb([g.out]) : fc.constant(null),
      stride: fc.constant(g.stride),
      padding: fc.constant(g.padding),
    }),
  )

describe('convolution and pooling', () => {
  it('conv2d with stride, padding and bias, for input, weight and bias', () => {
    fc.assert(
      fc.property(convCaseArb, ({ input, weight, bias, stride, padding }) => {
        const options = { stride, padding }
        if (bias === null)
          return gradcheck((x, w) => conv2d(x, w, null, options), [leaf(input), leaf(weight)])
        return gradcheck((x, w, b) => conv2d(x, w, b, options), [leaf(input), leaf(weight), leaf(bias)])
      }),
      { numRuns: 15 },
    )
  })
  it('conv2d large enough for the blocked matmul kernel in forward and backward', () => {
    fc.assert(
      fc.property(fc.tuple(specArb([1, 3, 6, 6]), specArb([4, 3, 3, 3]), specArb([4])), ([x, w, b]) =>
        gradcheck(
          (input, weight, bias) => conv2d(input, weight, bias, { padding: 1 }),
          [leaf(x), leaf(w), leaf(b)],
        ),
      ),
      { numRuns: 3 },
    )
  })
  it('conv2d gradient for the weight alone (input without grad)', () => {
    fc.assert(
      fc.property(convCaseArb, ({ input, weight, stride, padding }) => {
        const x = constant(input)
        return gradcheck((w) => conv2d(x, w, null, { stride, padding }), [leaf(weight)])
      }),
      { numRuns: 10 },
    )
  })

  const poolCaseArb = fc
    .record({
      n: fc.integer({ min: 1, max: 2 }),
      c: fc.integer({ min: 1, max: 2 }),
      h: fc.integer({ min: 2, max: 5 }),
      w: fc.integer({ min: 2, max: 5 }),
      k: fc.integer({ min: 1, max: 2 }),
      stride: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      padding: fc.integer({ min: 0, max: 1 }),
    })
    .filter((p) => p.padding * 2 <= p.k)
    .chain((p) => fc.tuple(distinctSpecsArb([[p.n, p.c, p.h, p.w]]), fc.constant(p)))

  it('maxPool2d (no ties in a window), with stride and padding', () => {
    fc.assert(
      fc.property(poolCaseArb, ([[spec], p]) =>
        gradcheck((x) => maxPool2d(x, p.k, { stride: p.stride, padding: p.padding }), [leaf(spec!)]),
      ),
      RUNS,
    )
  })
  it('avgPool2d with stride and padding', () => {
    fc.assert(
      fc.property(poolCaseArb, ([[spec], p]) =>
        gradcheck((x) => avgPool2d(x, [p.k, p.k], { stride: p.stride, padding: p.padding }), [leaf(spec!)]),
      ),
      RUNS,
    )
  })
})

describe('copies and conversions', () => {
  it('clone', () => checkUnary((x) => x.clone().mul(x)))
  it('to float32 and back (a wider step: float32 rounds at ~1e-7)', () => {
    fc.assert(
      fc.property(
        shapeArb(0, 3).chain((s) => specArb(s)),
        (spec) =>
          gradcheck((x) => x.to('float32').to('float64').mul(x), [leaf(spec)], { eps: 1e-2, atol: 1e-4 }),
      ),
      RUNS,
    )
  })
  it('to between float dtypes keeps the gradient dtype of the leaf', () => {
    const x = tensor([1, 2], { dtype: 'float64', requiresGrad: true })
    x.to('float32').mul(3).sum().backward()
    expect(x.grad?.dtype).toBe('float64')
    expect(Array.from(x.grad!.data)).toEqual([3, 3])
  })
})

describe('composite expressions', () => {
  it('a small network with a shared weight gets the same gradients as finite differences', () => {
    fc.assert(
      fc.property(fc.tuple(specArb([3, 2]), specArb([2, 4]), specArb([4])), ([x, w, b]) =>
        gradcheck(
          (input, weight, bias) =>
            input.matmul(weight).add(bias).tanh().matmul(weight.t()).logSoftmax(-1).mean(),
          [leaf(x), leaf(w), leaf(b)],
        ),
      ),
      { numRuns: 10 },
    )
  })
})
