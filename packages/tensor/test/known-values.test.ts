/** Forward values and gradients worked out by hand (the arithmetic is in the comments). */
import { describe, expect, it } from 'vitest'
import { avgPool2d, conv2d, maxPool2d, oneHot, tensor } from '../src/index.js'

const values = (t: { data: ArrayLike<number> } | null) => (t === null ? null : Array.from(t.data))

/** Each value of `t` equals the hand-computed one to `digits` decimals. */
function expectValues(t: { data: ArrayLike<number> } | null, expected: number[], digits: number): void {
  const got = values(t)!
  expect(got.length).toBe(expected.length)
  got.forEach((v, i) => {
    expect(v).toBeCloseTo(expected[i]!, digits)
  })
}

describe('a 2-2-1 network, by hand', () => {
  it('computes the forward pass and every gradient', () => {
    // x = [1, 2]; W1 = [[1, -1], [0.5, -1]] (in × out); b1 = [0, 0.5]
    const x = tensor([[1, 2]])
    const w1 = tensor(
      [
        [1, -1],
        [0.5, -1],
      ],
      { requiresGrad: true },
    )
    const b1 = tensor([0, 0.5], { requiresGrad: true })
    // W2 = [[1.5], [-2]]; b2 = [0.5]; target t = 1
    const w2 = tensor([[1.5], [-2]], { requiresGrad: true })
    const b2 = tensor([0.5], { requiresGrad: true })

    // pre = x·W1 + b1 = [1·1 + 2·0.5 + 0, 1·(-1) + 2·(-1) + 0.5] = [2, -2.5]
    const pre = x.matmul(w1).add(b1)
    expect(pre.toArray()).toEqual([[2, -2.5]])
    // h = relu(pre) = [2, 0]: the second unit is dead
    const h = pre.relu()
    expect(h.toArray()).toEqual([[2, 0]])
    // y = h·W2 + b2 = 2·1.5 + 0·(-2) + 0.5 = 3.5
    const y = h.matmul(w2).add(b2)
    expect(y.toArray()).toEqual([[3.5]])
    // loss = (y - t)² = 2.5² = 6.25
    const loss = y.sub(1).square().mean()
    expect(loss.item()).toBe(6.25)

    loss.backward()
    // dL/dy = 2(y - t) = 5
    // dL/db2 = 5
    expect(values(b2.grad)).toEqual([5])
    // dL/dW2 = hᵀ · dL/dy = [[2·5], [0·5]] = [[10], [0]]
    expect(w2.grad?.toArray()).toEqual([[10], [0]])
    // dL/dh = dL/dy · W2ᵀ = [5·1.5, 5·(-2)] = [7.5, -10]
    // relu passes it only where pre > 0: dL/dpre = [7.5, 0]
    // dL/db1 = [7.5, 0]
    expect(values(b1.grad)).toEqual([7.5, 0])
    // dL/dW1 = xᵀ · dL/dpre = [[1·7.5, 1·0], [2·7.5, 2·0]] = [[7.5, 0], [15, 0]]
    expect(w1.grad?.toArray()).toEqual([
      [7.5, 0],
      [15, 0],
    ])
  })
})

describe('activations and losses at known points', () => {
  it('relu is exact at special values, in float32 and float64', () => {
    const special = [-Infinity, -3, -0, 0, 1e-40, 2.5, 3.4e38, Infinity, Number.NaN]
    const expected = [0, 0, 0, 0, 1e-40, 2.5, 3.4e38, Infinity, Number.NaN]
    for (const dtype of ['float32', 'float64'] as const) {
      const out = Array.from(tensor(special, { dtype }).relu().data)
      const want = Array.from(tensor(expected, { dtype }).data)
      for (const [i, v] of out.entries())
        expect(Object.is(v, want[i]), `${dtype} relu(${special[i]}) = ${v}`).toBe(true)
    }
    // Subnormal float64 values survive exactly.
    expect(Array.from(tensor([5e-324, 1e-310], { dtype: 'float64' }).relu().data)).toEqual([5e-324, 1e-310])
  })
  it('softmax of [0, ln 2, ln 5] is [1, 2, 5] / 8', () => {
    const p = tensor([0, Math.log(2), Math.log(5)], { dtype: 'float64' }).softmax(0)
    expectValues(p, [1 / 8, 2 / 8, 5 / 8], 14)
  })

  it('cross-entropy through logSoftmax: -log(3/4) with gradient softmax - onehot', () => {
    // logits [0, ln 3] → softmax [1/4, 3/4]; target class 1 → loss = -log(3/4)
    const z = tensor([[0, Math.log(3)]], { dtype: 'float64', requiresGrad: true })
    const loss = z
      .logSoftmax(1)
      .gather(1, tensor([[1]], { dtype: 'int32' }))
      .neg()
      .sum()
    expect(loss.item()).toBeCloseTo(-Math.log(3 / 4), 14)
    loss.backward()
    // d/dz = softmax - onehot = [1/4, 3/4 - 1]
    expectValues(z.grad, [0.25, -0.25], 14)
  })

  it('sigmoid(ln 3) = 3/4 with slope 3/4 · 1/4 = 3/16; sigmoid(0) = 1/2 with slope 1/4', () => {
    const x = tensor([Math.log(3), 0], { dtype: 'float64', requiresGrad: true })
    const s = x.sigmoid()
    expectValues(s, [0.75, 0.5], 14)
    s.sum().backward()
    expectValues(x.grad, [3 / 16, 0.25], 14)
  })

  it('tanh(0) = 0 with slope 1; relu and leakyRelu on both sides of 0', () => {
    const x = tensor([-2, 0, 3], { requiresGrad: true })
    expect(values(x.tanh())).toEqual([Math.fround(Math.tanh(-2)), 0, Math.fround(Math.tanh(3))])
    expect(values(x.relu())).toEqual([0, 0, 3])
    expect(values(x.leakyRelu(0.5))).toEqual([-1, 0, 3])
    x.relu().sum().backward()
    // The slope of relu at 0 is taken as 0, as in PyTorch.
    expect(values(x.grad)).toEqual([0, 0, 1])
  })

  it('gelu(1) = Φ(1) and gelu(-1) = -Φ(-1), with Φ from a normal table', () => {
    // Φ(1) = 0.8413447460685429, Φ(-1) = 0.15865525393145707
    const g = tensor([1, -1, 0], { dtype: 'float64' }).gelu()
    expect(g.data[0]).toBeCloseTo(0.8413447460685429, 13)
    expect(g.data[1]).toBeCloseTo(-0.15865525393145707, 13)
    expect(g.data[2]).toBe(0)
    // The tanh approximation is within 1e-3 of the exact value here.
    expect(Math.abs(tensor([1], { dtype: 'float64' }).gelu('tanh').item() - 0.8413447460685429)).toBeLessThan(
      1e-3,
    )
  })

  it('clamp limits to [min, max], and gives max everywhere when min > max (as PyTorch)', () => {
    const x = tensor([1, 5, 3, Number.NaN])
    expect(values(x.clamp(2, 4))).toEqual([2, 4, 3, Number.NaN])
    expect(values(x.clamp(2))).toEqual([2, 5, 3, Number.NaN])
    expect(values(x.clamp(null, 2))).toEqual([1, 2, 2, Number.NaN])
    expect(values(x.clamp(4, 2))).toEqual([2, 2, 2, Number.NaN])
  })

  it('softplus(0) = ln 2 and tends to x for large x', () => {
    const s = tensor([0, 50], { dtype: 'float64' }).softplus()
    expect(s.data[0]).toBeCloseTo(Math.LN2, 14)
    expect(s.data[1]).toBe(50)
  })
})

describe('reductions at known points', () => {
  it('var([1, 2, 3, 4]) = 5/3 (mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5)', () => {
    const x = tensor([1, 2, 3, 4], { dtype: 'float64' })
    expect(x.var().item()).toBeCloseTo(5 / 3, 14)
    expect(x.var(0, false, false).item()).toBe(5 / 4)
    expect(x.std().item()).toBeCloseTo(Math.sqrt(5 / 3), 14)
  })

  it('logsumexp([0, ln 3]) = ln 4', () => {
    expect(
      tensor([0, Math.log(3)], { dtype: 'float64' })
        .logsumexp()
        .item(),
    ).toBeCloseTo(Math.log(4), 14)
  })

  it('sum, mean, max, min and argmax along each dim of [[1, 5, 3], [4, 2, 6]]', () => {
    const x = tensor([
      [1, 5, 3],
      [4, 2, 6],
    ])
    expect(x.sum(0).toArray()).toEqual([5, 7, 9])
    expect(x.sum(1, true).toArray()).toEqual([[9], [12]])
    expect(x.mean(1).toArray()).toEqual([3, 4])
    expect(x.max(1).toArray()).toEqual([5, 6])
    expect(x.min(0).toArray()).toEqual([1, 2, 3])
    expect(x.argmax(1).toArray()).toEqual([1, 2])
    expect(x.argmin().item()).toBe(0)
  })

  it('a 0-d tensor reduces over dim 0 or -1 to itself, keeping 0 dims', () => {
    const x = tensor(2, { requiresGrad: true })
    for (const reduced of [x.sum(0), x.sum(-1, true), x.mean(0, true), x.max(0), x.logsumexp(-1)]) {
      expect(reduced.shape).toEqual([])
    }
    expect(x.mean(0, true).item()).toBe(2)
    x.sum(0).backward()
    expect(values(x.grad)).toEqual([1])
  })

  it('max shares the gradient equally between tied maxima', () => {
    const x = tensor([1, 3, 3], { requiresGrad: true })
    x.max().backward()
    expect(values(x.grad)).toEqual([0, 0.5, 0.5])
  })
})

describe('linear algebra and convolution at known points', () => {
  it('[[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ])
    const b = tensor([
      [5, 6],
      [7, 8],
    ])
    expect(a.matmul(b).toArray()).toEqual([
      [19, 22],
      [43, 50],
    ])
    expect(a.matmul(tensor([1, -1])).toArray()).toEqual([-1, -1])
    expect(tensor([1, -1]).matmul(a).toArray()).toEqual([-2, -2])
  })

  // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 2], [3, 4]]
  const image = () =>
    tensor(
      [
        [
          [
            [1, 2, 3],
            [4, 5, 6],
            [7, 8, 9],
          ],
        ],
      ],
      { requiresGrad: true },
    )
  const kernel = () =>
    tensor(
      [
        [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      ],
      { requiresGrad: true },
    )

  it('conv2d: each output is a window dotted with the kernel, plus the bias', () => {
    // [1·1 + 2·2 + 4·3 + 5·4, 2·1 + 3·2 + 5·3 + 6·4, 4·1 + 5·2 + 7·3 + 8·4, 5·1 + 6·2 + 8·3 + 9·4] + 1
    const out = conv2d(image(), kernel(), tensor([1]))
    expect(out.toArray()).toEqual([
      [
        [
          [38, 48],
          [68, 78],
        ],
      ],
    ])
  })

  it('conv2d with padding 1 and stride 2 sees the zero border', () => {
    // windows start at rows/cols -1 and 1:
    // (0,0): only x[0][0]·w[1][1] = 4;  (0,1): x[0][1]·w[1][0] + x[0][2]·w[1][1] = 6 + 12 = 18
    // (1,0): x[1][0]·w[0][1] + x[2][0]·w[1][1] = 8 + 28 = 36;  (1,1): 5 + 12 + 24 + 36 = 77
    expect(conv2d(image(), kernel(), null, { stride: 2, padding: 1 }).toArray()).toEqual([
      [
        [
          [4, 18],
          [36, 77],
        ],
      ],
    ])
  })

  it('conv2d gradients: the kernel gets the sum of windows, the input the sum of kernel taps over it', () => {
    const x = image()
    const w = kernel()
    conv2d(x, w).sum().backward()
    // dW[i][j] = sum of the 2×2 window starting at (i, j): 1+2+4+5, 2+3+5+6, 4+5+7+8, 5+6+8+9
    expect(w.grad?.toArray()).toEqual([
      [
        [
          [12, 16],
          [24, 28],
        ],
      ],
    ])
    // dx: corners see one tap, edges two, the centre all four (1 + 2 + 3 + 4 = 10)
    expect(x.grad?.toArray()).toEqual([
      [
        [
          [1, 3, 2],
          [4, 10, 6],
          [3, 7, 4],
        ],
      ],
    ])
  })

  it('pooling picks the max or the mean of each 2×2 block, and routes gradients back', () => {
    const x = tensor(
      [
        [
          [
            [1, 5, 2, 0],
            [3, 4, 8, 6],
            [0, 0, 1, 1],
            [9, 0, 1, 3],
          ],
        ],
      ],
      { requiresGrad: true },
    )
    const pooled = maxPool2d(x, 2)
    expect(pooled.toArray()).toEqual([
      [
        [
          [5, 8],
          [9, 3],
        ],
      ],
    ])
    pooled.sum().backward()
    expect(x.grad?.toArray()).toEqual([
      [
        [
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, 0],
          [1, 0, 0, 1],
        ],
      ],
    ])
    x.grad = null
    // means: (1+5+3+4)/4 = 3.25, (2+0+8+6)/4 = 4, (0+0+9+0)/4 = 2.25, (1+1+1+3)/4 = 1.5
    const averaged = avgPool2d(x, 2)
    expect(averaged.toArray()).toEqual([
      [
        [
          [3.25, 4],
          [2.25, 1.5],
        ],
      ],
    ])
    averaged.sum().backward()
    expect(values(x.grad)).toEqual(new Array(16).fill(0.25))
  })
})

describe('indexing at known points', () => {
  it('slice, select, indexSelect and gather', () => {
    const x = tensor([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ])
    expect(x.slice(1, 1, 4, 2).toArray()).toEqual([
      [1, 3],
      [5, 7],
    ])
    expect(x.slice(1, -2).toArray()).toEqual([
      [2, 3],
      [6, 7],
    ])
    expect(x.select(0, -1).toArray()).toEqual([4, 5, 6, 7])
    expect(x.indexSelect(1, [3, 0, 3]).toArray()).toEqual([
      [3, 0, 3],
      [7, 4, 7],
    ])
    expect(x.gather(1, tensor([[2], [0]], { dtype: 'int32' })).toArray()).toEqual([[2], [4]])
  })

  it('oneHot marks each class index, inferring the number of classes', () => {
    const classes = tensor([0, 2, 1], { dtype: 'int32' })
    expect(oneHot(classes).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ])
    expect(oneHot(classes, 4).shape).toEqual([3, 4])
    expect(oneHot(classes).dtype).toBe('int32')
  })

  it('indexSelect with a repeated index adds up its gradients', () => {
    const x = tensor([10, 20, 30], { requiresGrad: true })
    x.indexSelect(0, [2, 0, 2]).sum().backward()
    expect(values(x.grad)).toEqual([1, 0, 2])
  })
})
