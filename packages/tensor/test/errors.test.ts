/** Mistakes a learner can make get a TensorError that names the op and the shapes, dims or dtypes involved. */
import { describe, expect, it } from 'vitest'
import {
  cat,
  conv2d,
  gather,
  noGrad,
  oneHot,
  ones,
  softmax,
  stack,
  sumTo,
  TensorError,
  tensor,
  zeros,
} from '../src/index.js'

/** Runs `fn` and returns the TensorError it throws (failing if it throws anything else or nothing). */
function errorOf(fn: () => unknown): TensorError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(TensorError)
    return e as TensorError
  }
  throw new Error('expected a TensorError, but nothing was thrown')
}

describe('shape errors', () => {
  it('matmul names both shapes and the mismatching inner sizes', () => {
    expect(errorOf(() => zeros(2, 3).matmul(zeros(4, 5))).message).toBe(
      'matmul: shapes [2,3] and [4,5] cannot be multiplied (3 != 4)',
    )
    expect(errorOf(() => zeros(2, 3).matmul(zeros(4))).message).toBe(
      'matmul: shapes [2,3] and [4] cannot be multiplied (3 != 4)',
    )
    expect(errorOf(() => zeros(3).matmul(zeros(4, 2))).message).toBe(
      'matmul: shapes [3] and [4,2] cannot be multiplied (3 != 4)',
    )
  })

  it('matmul explains batch dims that do not broadcast and 0-d operands', () => {
    expect(errorOf(() => zeros(2, 2, 3).matmul(zeros(3, 3, 2))).message).toMatch(
      /^matmul: shapes \[2\] and \[3\] cannot be broadcast/,
    )
    expect(errorOf(() => zeros(3).matmul(tensor(2))).message).toBe(
      'matmul: both arguments need at least 1 dim, got shapes [3] and []',
    )
  })

  it('broadcasting names both shapes and the dim that clashes', () => {
    expect(errorOf(() => zeros(2, 3).add(zeros(4))).message).toBe(
      'add: shapes [2,3] and [4] cannot be broadcast together (dim -1: 3 vs 4)',
    )
    expect(errorOf(() => zeros(2, 3).mul(zeros(3, 3))).message).toBe(
      'mul: shapes [2,3] and [3,3] cannot be broadcast together (dim -2: 2 vs 3)',
    )
  })

  it('reshape and expand name the shapes', () => {
    expect(errorOf(() => zeros(2, 3).reshape(4, 2)).message).toBe(
      'reshape: shape [4,2] is invalid for input of shape [2,3] (6 elements)',
    )
    expect(errorOf(() => zeros(2, 3).reshape(-1, -1)).message).toContain('only one dimension can be -1')
    expect(errorOf(() => zeros(2, 3).expand(3, 3)).message).toContain('shape [2,3] to [3,3]')
    expect(errorOf(() => sumTo(zeros(2, 3), [4])).message).toBe(
      'sumTo: shape [4] cannot be broadcast to [2,3]',
    )
  })

  it('cat, stack, conv2d and gather name the shapes that do not fit', () => {
    expect(errorOf(() => cat([zeros(2, 3), zeros(2, 4)], 0)).message).toBe(
      'cat: sizes must match except in dim 0: got [2,3] and [2,4]',
    )
    expect(errorOf(() => stack([zeros(2), zeros(3)])).message).toContain('[2] and [3]')
    expect(errorOf(() => conv2d(zeros(1, 3, 5, 5), zeros(2, 2, 3, 3))).message).toBe(
      'conv2d: input [1,3,5,5] has 3 channels but weight [2,2,3,3] expects 2',
    )
    expect(errorOf(() => conv2d(zeros(3, 5, 5), zeros(2, 3, 3, 3))).message).toContain(
      '[N,C,H,W], got [3,5,5]',
    )
    expect(errorOf(() => gather(zeros(2, 3), 1, tensor([0], { dtype: 'int32' }))).message).toContain('[1]')
  })

  it('item on more than one element names the shape', () => {
    expect(errorOf(() => zeros(2).item()).message).toBe(
      'item: only a tensor with one element can be converted to a number, got shape [2]',
    )
  })
})

describe('dim and index errors', () => {
  it('names the bad dim and the valid range', () => {
    expect(errorOf(() => zeros(2, 3).sum(5)).message).toBe(
      'sum: dim 5 is out of range for a tensor with 2 dims (expected -2..1)',
    )
    expect(errorOf(() => softmax(zeros(2), 1)).message).toBe(
      'softmax: dim 1 is out of range for a tensor with 1 dims (expected -1..0)',
    )
    expect(errorOf(() => zeros(2, 3).transpose(0, -3)).message).toContain('dim -3 is out of range')
    expect(errorOf(() => zeros(2, 3).mean([1, 1])).message).toBe('mean: dim 1 appears more than once')
    expect(errorOf(() => zeros(2, 3).permute(0, 0)).message).toContain('repeated dim')
    expect(errorOf(() => zeros(2, 3).sum(0.5)).message).toContain('dim must be an integer, got 0.5')
  })

  it('names out-of-bounds indices', () => {
    expect(errorOf(() => zeros(2, 3).select(1, 3)).message).toBe(
      'select: index 3 is out of bounds for dim 1 with size 3 (shape [2,3])',
    )
    expect(errorOf(() => zeros(4).indexSelect(0, [0, 4])).message).toBe(
      'indexSelect: index 4 is out of bounds for dim 0 of size 4',
    )
    expect(errorOf(() => zeros(4).narrow(0, 2, 3)).message).toContain('exceed dim 0 of size 4')
  })
})

describe('dtype and value errors', () => {
  it('refuses requiresGrad on int32 tensors', () => {
    expect(errorOf(() => tensor([1, 2], { dtype: 'int32', requiresGrad: true })).message).toBe(
      'tensor: only floating point tensors can require gradients, got dtype int32',
    )
    expect(errorOf(() => tensor([1], { dtype: 'int32' }).requiresGrad_()).message).toContain(
      'got dtype int32',
    )
    expect(errorOf(() => zeros([2], { dtype: 'int32', requiresGrad: true })).message).toContain(
      'got dtype int32',
    )
  })

  it('names an unknown dtype', () => {
    expect(errorOf(() => tensor([1], { dtype: 'float16' as 'float32' })).message).toBe(
      'tensor: unknown dtype "float16" (expected float32, float64 or int32)',
    )
  })

  it('asks for int32 indices and a known number of classes', () => {
    expect(errorOf(() => zeros(3).indexSelect(0, tensor([0]))).message).toBe(
      'indexSelect: index must have dtype int32, got float32',
    )
    expect(errorOf(() => oneHot(tensor([1]))).message).toBe(
      'oneHot: indices must have dtype int32, got float32',
    )
    expect(errorOf(() => oneHot(tensor([], { dtype: 'int32' }))).message).toContain('pass numClasses')
    expect(errorOf(() => oneHot(tensor([3], { dtype: 'int32' }), 3)).message).toBe(
      'oneHot: class index 3 is out of range for 3 classes',
    )
  })

  it('names the position of a ragged or non-numeric element in nested arrays', () => {
    expect(errorOf(() => tensor([[1, 2], [3]])).message).toBe(
      'tensor: ragged nested array: element at [1] has length 1, expected 2 (like the first element at that depth)',
    )
    expect(
      errorOf(() =>
        tensor([
          [[1], [2]],
          [[3], [4, 5]],
        ]),
      ).message,
    ).toContain('element at [1][1] has length 2, expected 1')
    expect(errorOf(() => tensor([[1, 2], 3] as never)).message).toContain(
      'element at [1] is number 3, expected an array',
    )
    expect(errorOf(() => tensor([1, 'a'] as never)).message).toBe(
      'tensor: element at [1] is string a, expected a number',
    )
  })

  it('names bad operands and bad creation arguments', () => {
    expect(errorOf(() => zeros(2).add('1' as never)).message).toBe(
      'operand: expected a Tensor or a number, got string 1',
    )
    expect(errorOf(() => zeros(2, -1)).message).toContain('invalid shape [2,-1]')
    expect(errorOf(() => tensor([1]).slice(0, 0, 1, 0)).message).toContain('step must be a positive integer')
  })
})

describe('autograd errors', () => {
  it('backward on a non-scalar without a gradient names the shape', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    expect(errorOf(() => x.mul(2).backward()).message).toBe(
      'backward: grad can be implicitly created only for a single-element output, but this tensor has shape [2]; pass a gradient of that shape',
    )
  })

  it('backward with a gradient of the wrong shape names both shapes', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    expect(errorOf(() => x.mul(2).backward(ones(3))).message).toBe(
      'backward: gradient shape [3] does not match tensor shape [2]',
    )
  })

  it('backward on a tensor without a graph says how to get one', () => {
    expect(errorOf(() => tensor([1]).sum().backward()).message).toContain(
      'create its inputs with { requiresGrad: true }',
    )
  })

  it('a second backward through a freed graph explains retainGraph', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const loss = x.mul(x).sum()
    loss.backward()
    const message = errorOf(() => loss.backward()).message
    expect(message).toMatch(/^backward: trying to backward through the graph a second time/)
    expect(message).toContain('retainGraph: true')
  })

  it('a freed graph is detected from another output that shares it', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const hidden = x.exp()
    hidden.sum().backward()
    expect(errorOf(() => hidden.mul(2).sum().backward()).message).toContain('(through exp)')
  })

  it('in-place modification of a leaf that requires grad must happen under noGrad', () => {
    const p = tensor([1, 2], { requiresGrad: true })
    for (const update of [
      () => p.sub_(ones(2)),
      () => p.add_(1),
      () => p.mul_(2),
      () => p.zero_(),
      () => p.copy_(ones(2)),
    ]) {
      expect(errorOf(update).message).toContain('is being modified in place; wrap the update in noGrad')
    }
    expect(Array.from(p.data)).toEqual([1, 2])
    noGrad(() => p.sub_(ones(2), 0.5))
    expect(Array.from(p.data)).toEqual([0.5, 1.5])
  })

  it('requiresGrad_(false) on a computed tensor points to detach', () => {
    const y = tensor([1], { requiresGrad: true }).mul(2)
    expect(errorOf(() => y.requiresGrad_(false)).message).toContain('use detach() instead')
  })
})
