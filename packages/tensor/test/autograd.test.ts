/** Autograd semantics, following PyTorch: accumulation, grad mode, detach, retained graphs, shared inputs. */
import { describe, expect, it } from 'vitest'
import { cat, isGradEnabled, noGrad, ones, setGradEnabled, tensor } from '../src/index.js'

const values = (t: { data: ArrayLike<number> } | null) => (t === null ? null : Array.from(t.data))

describe('gradients', () => {
  it('accumulate in .grad across backward calls until reset', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    x.mul(3).sum().backward()
    expect(values(x.grad)).toEqual([3, 3])
    x.mul(x).sum().backward()
    expect(values(x.grad)).toEqual([3 + 2, 3 + 4])
    x.grad = null
    x.mul(5).sum().backward()
    expect(values(x.grad)).toEqual([5, 5])
  })

  it('are summed when a tensor is used twice (diamond graph)', () => {
    // y = 2x; z = y·y + y, so dz/dx = (2y + 1)·2 = 8x + 2.
    const x = tensor([1, -0.5], { requiresGrad: true })
    const y = x.mul(2)
    y.mul(y).add(y).sum().backward()
    expect(values(x.grad)).toEqual([10, -2])
  })

  it('flow through both operands when they are the same tensor', () => {
    const x = tensor([3], { requiresGrad: true })
    x.mul(x).backward(ones(1))
    expect(values(x.grad)).toEqual([6])
    x.grad = null
    x.sub(x).add(x.div(x)).sum().backward()
    expect(values(x.grad)).toEqual([0])
  })

  it('do not alias between leaves, nor with the gradient passed to backward', () => {
    const a = tensor([1, 2], { requiresGrad: true })
    const b = tensor([3, 4], { requiresGrad: true })
    const seed = tensor([1, 1])
    a.add(b).backward(seed)
    expect(a.grad).not.toBe(b.grad)
    a.grad!.data[0] = 100
    expect(values(b.grad)).toEqual([1, 1])
    expect(values(seed)).toEqual([1, 1])
    // A leaf that is the root gets a copy of the seed, too.
    const c = tensor([5], { requiresGrad: true })
    const g = tensor([2])
    c.backward(g)
    c.grad!.data[0] = 0
    expect(values(g)).toEqual([2])
  })

  it('are only kept for leaves, unless retainGrad is asked for', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const hidden = x.mul(2)
    const kept = x.mul(3).retainGrad()
    hidden.add(kept).sum().backward()
    expect(hidden.grad).toBeNull()
    expect(values(kept.grad)).toEqual([1, 1])
    expect(values(x.grad)).toEqual([5, 5])
  })

  it('reach every input of cat even when the caller reuses the list afterwards', () => {
    const a = tensor([1], { requiresGrad: true })
    const b = tensor([2, 3], { requiresGrad: true })
    const parts = [a, b]
    const joined = cat(parts)
    parts.length = 0
    joined
      .mul(tensor([1, 2, 3]))
      .sum()
      .backward()
    expect(values(a.grad)).toEqual([1])
    expect(values(b.grad)).toEqual([2, 3])
  })

  it('are not computed for inputs that do not require grad', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const c = tensor([3, 4])
    x.mul(c).sum().backward()
    expect(c.grad).toBeNull()
    expect(values(x.grad)).toEqual([3, 4])
  })

  it('use the gradient passed to backward as the seed', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true })
    x.mul(2).backward(tensor([1, 0, -1]))
    expect(values(x.grad)).toEqual([2, 0, -2])
  })

  it('have the dtype and shape of their leaf, also through broadcasting', () => {
    const w = tensor([[1], [2]], { dtype: 'float64', requiresGrad: true })
    const x = tensor([[1, 2, 3]], { requiresGrad: true })
    w.mul(x).sum().backward()
    expect(w.grad!.shape).toEqual([2, 1])
    expect(w.grad!.dtype).toBe('float64')
    expect(values(w.grad)).toEqual([6, 6])
    expect(x.grad!.shape).toEqual([1, 3])
    expect(x.grad!.dtype).toBe('float32')
    expect(values(x.grad)).toEqual([3, 3, 3])
  })
})

describe('graph lifetime', () => {
  it('retainGraph allows a second backward, which accumulates', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const loss = x.mul(x).sum()
    loss.backward(undefined, { retainGraph: true })
    loss.backward()
    expect(values(x.grad)).toEqual([4, 8])
    expect(() => loss.backward()).toThrow('second time')
  })

  it('marks computed tensors as non-leaves and created tensors as leaves', () => {
    const x = tensor([1], { requiresGrad: true })
    const y = x.exp()
    expect(x.isLeaf).toBe(true)
    expect(y.isLeaf).toBe(false)
    expect(y.requiresGrad).toBe(true)
    expect(y.gradNode?.name).toBe('exp')
    expect(tensor([1]).exp().requiresGrad).toBe(false)
  })
})

describe('grad mode', () => {
  it('noGrad records nothing and returns the value of its function', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const y = noGrad(() => x.mul(2).add(1))
    expect(y.requiresGrad).toBe(false)
    expect(y.gradNode).toBeNull()
    expect(values(y)).toEqual([3, 5])
    expect(isGradEnabled()).toBe(true)
  })

  it('noGrad restores grad mode even when its function throws, and nests', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(isGradEnabled()).toBe(true)
    noGrad(() => {
      noGrad(() => undefined)
      expect(isGradEnabled()).toBe(false)
    })
    expect(isGradEnabled()).toBe(true)
  })

  it('setGradEnabled(true) records again inside noGrad', () => {
    const x = tensor([1], { requiresGrad: true })
    const y = noGrad(() => setGradEnabled(true, () => x.mul(2)))
    expect(y.requiresGrad).toBe(true)
    y.sum().backward()
    expect(values(x.grad)).toEqual([2])
  })

  it('backward does not record the gradient computation itself', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    x.mul(x).sum().backward()
    expect(x.grad!.requiresGrad).toBe(false)
    expect(x.grad!.gradNode).toBeNull()
  })
})

describe('detach and requiresGrad_', () => {
  it('detach cuts the graph but shares the values', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const d = x.mul(2).detach()
    expect(d.requiresGrad).toBe(false)
    expect(d.isLeaf).toBe(true)
    // Only the path through x itself carries gradient: d is a constant.
    x.mul(d).sum().backward()
    expect(values(x.grad)).toEqual([2, 4])
    const shared = x.detach()
    noGrad(() => x.add_(1))
    expect(values(shared)).toEqual([2, 3])
  })

  it('requiresGrad_ turns a plain tensor into a leaf that collects gradients', () => {
    const w = tensor([2, 3]).requiresGrad_()
    expect(w.requiresGrad).toBe(true)
    w.mul(w).sum().backward()
    expect(values(w.grad)).toEqual([4, 6])
    expect(w.requiresGrad_(false).requiresGrad).toBe(false)
    expect(w.mul(2).requiresGrad).toBe(false)
  })

  it('a training step under noGrad updates parameters without touching the graph', () => {
    const p = tensor([1, -1], { requiresGrad: true })
    const loss = p.mul(p).sum()
    loss.backward()
    noGrad(() => {
      p.sub_(p.grad!, 0.25)
      p.grad!.zero_()
    })
    expect(values(p)).toEqual([0.5, -0.5])
    expect(values(p.grad)).toEqual([0, 0])
    expect(p.isLeaf).toBe(true)
  })
})
