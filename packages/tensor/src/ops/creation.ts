import { allocate, type DType, dtypeOf, isDType, isFloating, type TypedArray } from '../dtype.js'
import { TensorError } from '../errors.js'
import { randomInt, randomNormal, randomUniform } from '../random.js'
import { checkShape, sizeOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { describe } from './operand.js'

export interface TensorOptions {
  dtype?: DType
  requiresGrad?: boolean
}

export type NestedArray = number | boolean | readonly NestedArray[]

/** Builds a tensor from a number, nested arrays of numbers, or a typed array (copied). */
export function tensor(data: NestedArray | TypedArray | Tensor, options: TensorOptions = {}): Tensor {
  // A copy that is a new leaf, like torch.tensor(t): it must not stay attached to t's graph.
  if (data instanceof Tensor)
    return finish(
      'tensor',
      data
        .detach()
        .to(options.dtype ?? data.dtype)
        .clone(),
      options,
    )
  if (ArrayBuffer.isView(data)) {
    const dtype = options.dtype ?? dtypeOf(data as TypedArray)
    const out = allocate(dtype, (data as TypedArray).length)
    out.set(data as TypedArray)
    return finish('tensor', new Tensor(out, [out.length], dtype), options)
  }
  const shape = inferShape(data)
  const dtype = options.dtype ?? 'float32'
  checkDType('tensor', dtype)
  const out = allocate(dtype, sizeOf(shape))
  let at = 0
  const fill = (value: NestedArray, path: number[]): void => {
    if (path.length === shape.length) {
      const v = typeof value === 'boolean' ? Number(value) : value
      if (typeof v !== 'number')
        throw new TensorError('tensor', `element at ${pathText(path)} is ${describe(v)}, expected a number`)
      out[at++] = v
      return
    }
    if (!Array.isArray(value)) {
      throw new TensorError(
        'tensor',
        `ragged nested array: element at ${pathText(path)} is ${describe(value)}, expected an array of length ${shape[path.length]}`,
      )
    }
    if (value.length !== shape[path.length]) {
      throw new TensorError(
        'tensor',
        `ragged nested array: element at ${pathText(path)} has length ${value.length}, expected ${shape[path.length]} (like the first element at that depth)`,
      )
    }
    for (let i = 0; i < value.length; i++) fill(value[i]!, [...path, i])
  }
  fill(data, [])
  return finish('tensor', new Tensor(out, shape, dtype), options)
}

function pathText(path: readonly number[]): string {
  return path.length === 0 ? 'the top level' : path.map((i) => `[${i}]`).join('')
}

function inferShape(data: NestedArray): number[] {
  const shape: number[] = []
  let cur: NestedArray = data
  while (Array.isArray(cur)) {
    shape.push(cur.length)
    if (cur.length === 0) break
    cur = cur[0] as NestedArray
  }
  return shape
}

function checkDType(op: string, dtype: unknown): asserts dtype is DType {
  if (!isDType(dtype))
    throw new TensorError(op, `unknown dtype ${JSON.stringify(dtype)} (expected float32, float64 or int32)`)
}

function finish(op: string, t: Tensor, options: TensorOptions): Tensor {
  if (options.requiresGrad) {
    if (!isFloating(t.dtype))
      throw new TensorError(op, `only floating point tensors can require gradients, got dtype ${t.dtype}`)
    t.requiresGrad = true
  }
  return t
}

type ShapeArgs = [readonly number[], TensorOptions?] | number[] | [...number[], TensorOptions]

/** Accepts both `zeros(2, 3)` and `zeros([2, 3], { dtype })`. */
function parseShapeArgs(op: string, args: readonly unknown[]): [number[], TensorOptions] {
  if (Array.isArray(args[0]))
    return [checkShape(op, args[0] as number[]), (args[1] as TensorOptions | undefined) ?? {}]
  const sizes: number[] = []
  let options: TensorOptions = {}
  for (const a of args) {
    if (typeof a === 'number') sizes.push(a)
    else if (a && typeof a === 'object') options = a as TensorOptions
    else throw new TensorError(op, `expected sizes or a shape array, got ${describe(a)}`)
  }
  return [checkShape(op, sizes), options]
}

function filled(
  op: string,
  shape: number[],
  options: TensorOptions,
  value: (i: number) => number,
  fallback: DType = 'float32',
): Tensor {
  const dtype = options.dtype ?? fallback
  checkDType(op, dtype)
  const data = allocate(dtype, sizeOf(shape))
  for (let i = 0; i < data.length; i++) data[i] = value(i)
  return finish(op, new Tensor(data, shape, dtype), options)
}

export function zeros(...args: ShapeArgs): Tensor {
  const [shape, options] = parseShapeArgs('zeros', args)
  const dtype = options.dtype ?? 'float32'
  checkDType('zeros', dtype)
  return finish('zeros', new Tensor(allocate(dtype, sizeOf(shape)), shape, dtype), options)
}

export function ones(...args: ShapeArgs): Tensor {
  const [shape, options] = parseShapeArgs('ones', args)
  return filled('ones', shape, options, () => 1)
}

export function full(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  return filled('full', checkShape('full', shape), options, () => value)
}

/** Values start, start+step, … below end (`arange(end)` starts at 0). */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  const [lo, hi] = end === undefined ? [0, start] : [start, end]
  if (step === 0 || !Number.isFinite(step))
    throw new TensorError('arange', `step must be non-zero and finite, got ${step}`)
  const count = Math.max(0, Math.ceil((hi - lo) / step))
  return filled('arange', [count], options, (i) => lo + i * step)
}

/** `steps` evenly spaced values from start to end inclusive. */
export function linspace(start: number, end: number, steps: number, options: TensorOptions = {}): Tensor {
  if (!Number.isInteger(steps) || steps < 0)
    throw new TensorError('linspace', `steps must be a non-negative integer, got ${steps}`)
  const delta = steps > 1 ? (end - start) / (steps - 1) : 0
  return filled('linspace', [steps], options, (i) => (i === steps - 1 && steps > 1 ? end : start + i * delta))
}

export function eye(n: number, m = n, options: TensorOptions = {}): Tensor {
  return filled('eye', checkShape('eye', [n, m]), options, (i) => (Math.floor(i / m) === i % m ? 1 : 0))
}

/** Uniform samples in [0, 1). */
export function rand(...args: ShapeArgs): Tensor {
  const [shape, options] = parseShapeArgs('rand', args)
  return filled('rand', shape, options, randomUniform)
}

/** Standard normal samples. */
export function randn(...args: ShapeArgs): Tensor {
  const [shape, options] = parseShapeArgs('randn', args)
  return filled('randn', shape, options, randomNormal)
}

/** Integers uniformly drawn from [low, high), dtype int32. */
export function randint(
  low: number,
  high: number,
  shape: readonly number[],
  options: TensorOptions = {},
): Tensor {
  if (!(high > low)) throw new TensorError('randint', `high (${high}) must be greater than low (${low})`)
  return filled('randint', checkShape('randint', shape), options, () => randomInt(low, high), 'int32')
}

export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return zeros(t.shape, { dtype: t.dtype, ...options })
}

export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return ones(t.shape, { dtype: t.dtype, ...options })
}

export function fullLike(t: Tensor, value: number, options: TensorOptions = {}): Tensor {
  return full(t.shape, value, { dtype: t.dtype, ...options })
}

export function randLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return rand(t.shape, { dtype: t.dtype, ...options })
}

export function randnLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return randn(t.shape, { dtype: t.dtype, ...options })
}
