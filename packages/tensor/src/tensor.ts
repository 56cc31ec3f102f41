import { type BackwardOptions, type GradNode, isGradEnabled, runBackward, track } from './autograd.js'
import { allocate, type DType, isFloating, type TypedArray } from './dtype.js'
import { fmtShape, TensorError } from './errors.js'
import { formatTensor } from './format.js'
import * as act from './ops/activation.js'
import * as conv from './ops/conv.js'
import * as ew from './ops/elementwise.js'
import * as idx from './ops/indexing.js'
import * as la from './ops/linalg.js'
import * as mv from './ops/movement.js'
import type { TensorLike } from './ops/operand.js'
import * as red from './ops/reduce.js'
import { sizeOf, stridesOf } from './shape.js'

export type NestedNumbers = number | NestedNumbers[]

/**
 * An n-dimensional array with reverse-mode autograd. Storage is a flat, contiguous typed
 * array in row-major order; tensors are ordinary garbage-collected objects (no dispose).
 */
export class Tensor {
  /** Flat row-major storage. Treat as read-only unless you own the tensor. */
  readonly data: TypedArray
  readonly shape: number[]
  readonly dtype: DType
  requiresGrad = false
  /** Accumulated gradient of a leaf after backward() (null before). */
  grad: Tensor | null = null
  /** How this tensor was computed, for backward (null for leaves and untracked results). */
  gradNode: GradNode | null = null
  /** Non-leaf tensors keep their gradient only when asked (retainGrad). */
  retainsGrad = false

  constructor(data: TypedArray, shape: number[], dtype: DType) {
    this.data = data
    this.shape = shape
    this.dtype = dtype
  }

  get ndim(): number {
    return this.shape.length
  }

  /** True for tensors created by the user rather than by an op. */
  get isLeaf(): boolean {
    return this.gradNode === null
  }

  numel(): number {
    return this.data.length
  }

  size(dim?: number): number | number[] {
    if (dim === undefined) return this.shape.slice()
    return this.shape[dim < 0 ? dim + this.ndim : dim] ?? throwDim('size', dim, this.ndim)
  }

  stride(): number[] {
    return stridesOf(this.shape)
  }

  item(): number {
    if (this.data.length !== 1) {
      throw new TensorError(
        'item',
        `only a tensor with one element can be converted to a number, got shape ${fmtShape(this.shape)}`,
      )
    }
    return this.data[0]!
  }

  /** Nested plain arrays (a number for 0-d tensors). */
  toArray(): NestedNumbers {
    if (this.ndim === 0) return this.data[0]!
    const build = (dim: number, offset: number): NestedNumbers[] => {
      const size = this.shape[dim]!
      const stride = sizeOf(this.shape.slice(dim + 1))
      const out: NestedNumbers[] = new Array(size)
      for (let i = 0; i < size; i++) {
        out[i] = dim === this.ndim - 1 ? this.data[offset + i]! : build(dim + 1, offset + i * stride)
      }
      return out
    }
    return build(0, 0)
  }

  toString(): string {
    return formatTensor(this)
  }

  // ── autograd ────────────────────────────────────────────────────────────────

  backward(gradient?: Tensor, options: BackwardOptions = {}): void {
    runBackward(this, gradient, options)
  }

  /** Same values, cut from the graph (shares storage). */
  detach(): Tensor {
    return new Tensor(this.data, this.shape.slice(), this.dtype)
  }

  requiresGrad_(requiresGrad = true): this {
    if (requiresGrad && !isFloating(this.dtype)) {
      throw new TensorError(
        'requiresGrad_',
        `only floating point tensors can require gradients, got dtype ${this.dtype}`,
      )
    }
    if (!this.isLeaf && !requiresGrad) {
      throw new TensorError(
        'requiresGrad_',
        'can only change requiresGrad of a leaf tensor; use detach() instead',
      )
    }
    this.requiresGrad = requiresGrad
    return this
  }

  /** Keep this non-leaf tensor's gradient in `.grad` during backward. */
  retainGrad(): this {
    this.retainsGrad = true
    return this
  }

  /** @internal Adds a gradient into `.grad` (copying, so grads never alias each other). */
  accumulateGrad(g: Tensor): void {
    const incoming = g.dtype === this.dtype ? g.data : g.to(this.dtype).data
    if (this.grad === null) {
      const copy = allocate(this.dtype, incoming.length)
      copy.set(incoming)
      this.grad = new Tensor(copy, this.shape.slice(), this.dtype)
    } else {
      const acc = this.grad.data
      for (let i = 0; i < acc.length; i++) acc[i]! += incoming[i]!
    }
  }

  /** @internal A ones tensor shaped like this one (the seed of backward). */
  onesLikeInternal(): Tensor {
    const data = allocate(this.dtype, this.data.length).fill(1)
    return new Tensor(data, this.shape.slice(), this.dtype)
  }

  // ── copies and conversions ───────────────────────────────────────────────────

  clone(): Tensor {
    const out = new Tensor(this.data.slice(), this.shape.slice(), this.dtype)
    return track(out, 'clone', [this], (g) => [g])
  }

  /** Converts to another dtype (a differentiable copy between float types). */
  to(dtype: DType): Tensor {
    if (dtype === this.dtype) return this
    const data = allocate(dtype, this.data.length)
    if (dtype === 'int32') for (let i = 0; i < data.length; i++) data[i] = Math.trunc(this.data[i]!)
    else data.set(this.data)
    const out = new Tensor(data, this.shape.slice(), dtype)
    if (!isFloating(dtype)) return out
    return track(out, 'to', [this], (g) => [g.to(this.dtype)])
  }

  float(): Tensor {
    return this.to('float32')
  }

  double(): Tensor {
    return this.to('float64')
  }

  int(): Tensor {
    return this.to('int32')
  }

  contiguous(): Tensor {
    return this
  }

  // ── in-place updates (for optimizers and initialisers; not recorded by autograd) ─

  private checkInPlace(op: string): void {
    if (this.requiresGrad && isGradEnabled()) {
      throw new TensorError(
        op,
        'a tensor that requires grad is being modified in place; wrap the update in noGrad(() => …)',
      )
    }
  }

  copy_(source: Tensor): this {
    this.checkInPlace('copy_')
    if (source.numel() !== this.numel()) {
      throw new TensorError(
        'copy_',
        `source shape ${fmtShape(source.shape)} does not match ${fmtShape(this.shape)}`,
      )
    }
    this.data.set(source.data)
    return this
  }

  fill_(value: number): this {
    this.checkInPlace('fill_')
    this.data.fill(value)
    return this
  }

  zero_(): this {
    return this.fill_(0)
  }

  /** this += alpha · other (other broadcast to this shape). */
  add_(other: TensorLike, alpha = 1): this {
    this.checkInPlace('add_')
    const o = typeof other === 'number' ? null : mv.expand(other, this.shape).data
    const d = this.data
    if (o === null) for (let i = 0; i < d.length; i++) d[i]! += alpha * (other as number)
    else for (let i = 0; i < d.length; i++) d[i]! += alpha * o[i]!
    return this
  }

  sub_(other: TensorLike, alpha = 1): this {
    return this.add_(other, -alpha)
  }

  mul_(other: TensorLike): this {
    this.checkInPlace('mul_')
    const o = typeof other === 'number' ? null : mv.expand(other, this.shape).data
    const d = this.data
    if (o === null) for (let i = 0; i < d.length; i++) d[i]! *= other as number
    else for (let i = 0; i < d.length; i++) d[i]! *= o[i]!
    return this
  }

  // ── elementwise ──────────────────────────────────────────────────────────────

  add(other: TensorLike): Tensor {
    return ew.add(this, other)
  }
  sub(other: TensorLike): Tensor {
    return ew.sub(this, other)
  }
  mul(other: TensorLike): Tensor {
    return ew.mul(this, other)
  }
  div(other: TensorLike): Tensor {
    return ew.div(this, other)
  }
  pow(exponent: TensorLike): Tensor {
    return ew.pow(this, exponent)
  }
  neg(): Tensor {
    return ew.neg(this)
  }
  exp(): Tensor {
    return ew.exp(this)
  }
  log(): Tensor {
    return ew.log(this)
  }
  sqrt(): Tensor {
    return ew.sqrt(this)
  }
  abs(): Tensor {
    return ew.abs(this)
  }
  sign(): Tensor {
    return ew.sign(this)
  }
  sin(): Tensor {
    return ew.sin(this)
  }
  cos(): Tensor {
    return ew.cos(this)
  }
  square(): Tensor {
    return ew.square(this)
  }
  reciprocal(): Tensor {
    return ew.reciprocal(this)
  }
  clamp(min?: number | null, max?: number | null): Tensor {
    return ew.clamp(this, min, max)
  }
  maximum(other: TensorLike): Tensor {
    return ew.maximum(this, other)
  }
  minimum(other: TensorLike): Tensor {
    return ew.minimum(this, other)
  }
  eq(other: TensorLike): Tensor {
    return ew.eq(this, other)
  }
  ne(other: TensorLike): Tensor {
    return ew.ne(this, other)
  }
  gt(other: TensorLike): Tensor {
    return ew.gt(this, other)
  }
  ge(other: TensorLike): Tensor {
    return ew.ge(this, other)
  }
  lt(other: TensorLike): Tensor {
    return ew.lt(this, other)
  }
  le(other: TensorLike): Tensor {
    return ew.le(this, other)
  }

  // ── activations ──────────────────────────────────────────────────────────────

  relu(): Tensor {
    return act.relu(this)
  }
  leakyRelu(negativeSlope = 0.01): Tensor {
    return act.leakyRelu(this, negativeSlope)
  }
  sigmoid(): Tensor {
    return act.sigmoid(this)
  }
  tanh(): Tensor {
    return act.tanh(this)
  }
  gelu(approximate: 'none' | 'tanh' = 'none'): Tensor {
    return act.gelu(this, approximate)
  }
  softplus(beta = 1): Tensor {
    return act.softplus(this, beta)
  }
  softmax(dim = -1): Tensor {
    return act.softmax(this, dim)
  }
  logSoftmax(dim = -1): Tensor {
    return act.logSoftmax(this, dim)
  }

  // ── reductions ───────────────────────────────────────────────────────────────

  sum(dim?: red.Dims, keepDim = false): Tensor {
    return red.sum(this, dim, keepDim)
  }
  mean(dim?: red.Dims, keepDim = false): Tensor {
    return red.mean(this, dim, keepDim)
  }
  max(dim?: red.Dims, keepDim = false): Tensor {
    return red.max(this, dim, keepDim)
  }
  min(dim?: red.Dims, keepDim = false): Tensor {
    return red.min(this, dim, keepDim)
  }
  argmax(dim?: number, keepDim = false): Tensor {
    return red.argmax(this, dim, keepDim)
  }
  argmin(dim?: number, keepDim = false): Tensor {
    return red.argmin(this, dim, keepDim)
  }
  var(dim?: red.Dims, keepDim = false, unbiased = true): Tensor {
    return red.variance(this, dim, keepDim, unbiased)
  }
  std(dim?: red.Dims, keepDim = false, unbiased = true): Tensor {
    return red.std(this, dim, keepDim, unbiased)
  }
  logsumexp(dim?: red.Dims, keepDim = false): Tensor {
    return red.logsumexp(this, dim, keepDim)
  }

  // ── shape ────────────────────────────────────────────────────────────────────

  reshape(...shape: number[] | [readonly number[]]): Tensor {
    return mv.reshape(this, shapeArg(shape))
  }
  view(...shape: number[] | [readonly number[]]): Tensor {
    return mv.reshape(this, shapeArg(shape))
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return mv.flatten(this, startDim, endDim)
  }
  squeeze(dim?: number): Tensor {
    return mv.squeeze(this, dim)
  }
  unsqueeze(dim: number): Tensor {
    return mv.unsqueeze(this, dim)
  }
  transpose(dim0: number, dim1: number): Tensor {
    return mv.transpose(this, dim0, dim1)
  }
  /** Transpose of a matrix (2-D), like torch's `t()`. */
  t(): Tensor {
    if (this.ndim > 2)
      throw new TensorError('t', `expects a tensor with at most 2 dims, got shape ${fmtShape(this.shape)}`)
    return this.ndim < 2 ? this : mv.transpose(this, 0, 1)
  }
  permute(...dims: number[] | [readonly number[]]): Tensor {
    return mv.permute(this, shapeArg(dims))
  }
  expand(...sizes: number[] | [readonly number[]]): Tensor {
    return mv.expand(this, shapeArg(sizes))
  }

  // ── indexing and joining ─────────────────────────────────────────────────────

  slice(dim: number, start?: number, end?: number, step?: number): Tensor {
    return idx.slice(this, dim, start, end, step)
  }
  narrow(dim: number, start: number, length: number): Tensor {
    return idx.narrow(this, dim, start, length)
  }
  select(dim: number, index: number): Tensor {
    return idx.select(this, dim, index)
  }
  indexSelect(dim: number, index: Tensor | readonly number[]): Tensor {
    return idx.indexSelect(this, dim, index)
  }
  gather(dim: number, index: Tensor): Tensor {
    return idx.gather(this, dim, index)
  }
  split(sizeOrSections: number | readonly number[], dim = 0): Tensor[] {
    return idx.split(this, sizeOrSections, dim)
  }

  // ── linear algebra and convolution ───────────────────────────────────────────

  matmul(other: Tensor): Tensor {
    return la.matmul(this, other)
  }
  dot(other: Tensor): Tensor {
    return la.dot(this, other)
  }
  outer(other: Tensor): Tensor {
    return la.outer(this, other)
  }
  conv2d(weight: Tensor, bias?: Tensor | null, options?: conv.Conv2dOptions): Tensor {
    return conv.conv2d(this, weight, bias, options)
  }
}

function shapeArg(args: number[] | [readonly number[]]): readonly number[] {
  return Array.isArray(args[0]) ? (args[0] as readonly number[]) : (args as number[])
}

function throwDim(op: string, dim: number, ndim: number): never {
  throw new TensorError(op, `dim ${dim} is out of range for a tensor with ${ndim} dims`)
}
