/** toString prints like PyTorch (with camelCase keyword names). Expected strings are written out by hand. */
import { describe, expect, it } from 'vitest'
import { arange, ones, tensor, zeros } from '../src/index.js'

describe('toString', () => {
  it('prints four decimals and requiresGrad for a leaf that requires grad', () => {
    expect(tensor([[0.1, 0.2]], { requiresGrad: true }).toString()).toBe(
      'tensor([[0.1000, 0.2000]], requiresGrad=true)',
    )
  })

  it('prints whole numbers with a trailing dot', () => {
    expect(tensor([1, 2]).toString()).toBe('tensor([1., 2.])')
    expect(tensor([-3, 10]).toString()).toBe('tensor([-3., 10.])')
  })

  it('prints a matrix on several lines with right-aligned columns', () => {
    expect(
      tensor([
        [1, -2.5],
        [10.25, 3],
      ]).toString(),
    ).toBe('tensor([[ 1.0000, -2.5000],\n        [10.2500,  3.0000]])')
  })

  it('separates the blocks of a 3-D tensor by a blank line', () => {
    const t = tensor([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ])
    expect(t.toString()).toBe(
      'tensor([[[1., 2.],\n         [3., 4.]],\n\n        [[5., 6.],\n         [7., 8.]]])',
    )
  })

  it('switches to scientific notation for tiny values, huge values or a wide range', () => {
    expect(tensor([1e-5, 1]).toString()).toBe('tensor([1.0000e-05, 1.0000e+00])')
    expect(tensor([-1e-5]).toString()).toBe('tensor([-1.0000e-05])')
    expect(tensor([1e10, 1]).toString()).toBe('tensor([1.0000e+10, 1.0000e+00])')
    expect(tensor([0.5, 2000]).toString()).toBe('tensor([5.0000e-01, 2.0000e+03])')
  })

  it('stays in fixed notation for a moderate range', () => {
    expect(tensor([0.001, 1]).toString()).toBe('tensor([0.0010, 1.0000])')
  })

  it('prints int32 values without a decimal point, aligned', () => {
    expect(tensor([1, 2, 3], { dtype: 'int32' }).toString()).toBe('tensor([1, 2, 3])')
    expect(
      tensor(
        [
          [1, 20],
          [300, 4],
        ],
        { dtype: 'int32' },
      ).toString(),
    ).toBe('tensor([[  1,  20],\n        [300,   4]])')
  })

  it('names the dtype of float64 tensors, before requiresGrad', () => {
    expect(tensor([0.5], { dtype: 'float64' }).toString()).toBe('tensor([0.5000], dtype=float64)')
    expect(tensor([1, 2], { dtype: 'float64', requiresGrad: true }).toString()).toBe(
      'tensor([1., 2.], dtype=float64, requiresGrad=true)',
    )
  })

  it('prints 0-d tensors without brackets', () => {
    expect(tensor(3).toString()).toBe('tensor(3.)')
    expect(tensor(0.5).toString()).toBe('tensor(0.5000)')
    expect(tensor(7, { dtype: 'int32' }).toString()).toBe('tensor(7)')
  })

  it('names the backward function of a computed tensor instead of requiresGrad', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    expect(x.mul(2).toString()).toBe('tensor([2., 4.], gradFn=<MulBackward>)')
    expect(x.sum().toString()).toBe('tensor(3., gradFn=<SumBackward>)')
  })

  it('prints nan and inf, which do not widen the other columns', () => {
    expect(tensor([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1]).toString()).toBe(
      'tensor([nan, inf, -inf, 1.])',
    )
    expect(tensor([Number.NaN, 0.5]).toString()).toBe('tensor([   nan, 0.5000])')
  })

  it('prints empty tensors with their size when it is not [0]', () => {
    expect(zeros([0]).toString()).toBe('tensor([])')
    expect(zeros([0, 3]).toString()).toBe('tensor([], size=(0, 3))')
  })

  it('summarises tensors of more than 1000 elements with three items at each edge', () => {
    expect(arange(2000).toString()).toBe('tensor([   0.,    1.,    2.,  ..., 1997., 1998., 1999.])')
    const lines = arange(2000).reshape(40, 50).toString().split('\n')
    expect(lines).toEqual([
      'tensor([[   0.,    1.,    2.,  ...,   47.,   48.,   49.],',
      '        [  50.,   51.,   52.,  ...,   97.,   98.,   99.],',
      '        [ 100.,  101.,  102.,  ...,  147.,  148.,  149.],',
      '        ...,',
      '        [1850., 1851., 1852.,  ..., 1897., 1898., 1899.],',
      '        [1900., 1901., 1902.,  ..., 1947., 1948., 1949.],',
      '        [1950., 1951., 1952.,  ..., 1997., 1998., 1999.]])',
    ])
  })

  it('does not summarise 1000 elements or fewer', () => {
    expect(ones([1000]).toString()).not.toContain('...')
  })

  it('is what template strings use', () => {
    expect(`${tensor([1.5])}`).toBe('tensor([1.5000])')
  })
})
