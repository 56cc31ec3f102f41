import { track } from '../autograd.js'
import { kernels } from '../backend/backend.js'
import { allocate, promote, type TypedArray } from '../dtype.js'
import { fmtShape, TensorError } from '../errors.js'
import { normalizeDim, sizeOf, stridesOf } from '../shape.js'
import { Tensor } from '../tensor.js'
import { unsqueeze } from './movement.js'

/** Adds contiguous `src` (of `shape`) into `dst` read through strides: the adjoint of a strided read. */
function addStrided(
  src: TypedArray,
  dst: TypedArray,
  dstOffset: number,
  dstStrides: readonly number[],
  shape: readonly number[],
): void {
  const n = src.length
  if (n === 0) return
  const nd = shape.length
  if (nd === 0) {
    dst[dstOffset]! += src[0]!
    return
  }
  const last = shape[nd - 1]!
  const sLast = dstStrides[nd - 1]!
  const index = new Array<number>(nd).fill(0)
  let at = dstOffset
  for (let o = 0; o < n; o += last) {
    for (let j = 0, p = at; j < last; j++, p += sLast) dst[p]! += src[o + j]!
    for (let d = nd - 2; d >= 0; d--) {
      index[d]!++
      at += dstStrides[d]!
      if (index[d]! < shape[d]!) break
      at -= dstStrides[d]! * shape[d]!
      index[d] = 0
    }
  }
}

/** Elements start, start+step, … (< end) along `dim`, like Python's x[..., start:end:step]. */
export function slice(x: Tensor, dim: number, start = 0, end?: number, step = 1): Tensor {
  const d = normalizeDim('slice', dim, x.ndim)
  const size = x.shape[d]!
  if (!Number.isInteger(step) || step <= 0)
    throw new TensorError('slice', `step must be a positive integer, got ${step}`)
  const clampIndex = (i: number) => Math.min(Math.max(i < 0 ? i + size : i, 0), size)
  const s = clampIndex(start)
  const e = end === undefined ? size : clampIndex(end)
  const length = Math.max(0, Math.ceil((e - s) / step))
  const strides = stridesOf(x.shape)
  const shape = x.shape.slice()
  shape[d] = length
  const readStrides = strides.slice()
  readStrides[d] = strides[d]! * step
  const offset = s * strides[d]!
  const out = allocate(x.dtype, sizeOf(shape))
  kernels().gather(x.data, offset, readStrides, out, shape)
  return track(new Tensor(out, shape, x.dtype), 'slice', [x], (g) => {
    const gx = allocate(g.dtype, x.numel())
    addStrided(g.data, gx, offset, readStrides, shape)
    return [new Tensor(gx, x.shape.slice(), g.dtype)]
  })
}

/** `length` elements along `dim` starting at `start` (torch.narrow). */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normalizeDim('narrow', dim, x.ndim)
  const size = x.shape[d]!
  const s = start < 0 ? start + size : start
  if (!Number.isInteger(s) || !Number.isInteger(length) || s < 0 || length < 0 || s + length > size) {
    throw new TensorError(
      'narrow',
      `start ${start} and length ${length} exceed dim ${dim} of size ${size} (shape ${fmtShape(x.shape)})`,
    )
  }
  return slice(x, d, s, s + length)
}

/** Picks one index along `dim` and removes that dim. */
export function select(x: Tensor, dim: number, index: number): Tensor {
  const d = normalizeDim('select', dim, x.ndim)
  const size = x.shape[d]!
  if (!Number.isInteger(index) || index < -size || index >= size) {
    throw new TensorError(
      'select',
      `index ${index} is out of bounds for dim ${dim} with size ${size} (shape ${fmtShape(x.shape)})`,
    )
  }
  const i = index < 0 ? index + size : index
  const picked = slice(x, d, i, i + 1)
  return picked.reshape(x.shape.filter((_, k) => k !== d))
}

function indexList(op: string, index: Tensor | readonly number[], bound: number, what: string): Int32Array {
  const values = index instanceof Tensor ? index.data : Int32Array.from(index)
  if (index instanceof Tensor && index.dtype !== 'int32') {
    throw new TensorError(op, `index must have dtype int32, got ${index.dtype}`)
  }
  const out = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!
    if (!Number.isInteger(v) || v < -bound || v >= bound) {
      throw new TensorError(op, `index ${v} is out of bounds for ${what} of size ${bound}`)
    }
    if (v < 0) v += bound
    out[i] = v
  }
  return out
}

/** Rows (or slices along `dim`) picked by an integer index list, repeats allowed. */
export function indexSelect(x: Tensor, dim: number, index: Tensor | readonly number[]): Tensor {
  const d = normalizeDim('indexSelect', dim, x.ndim)
  if (index instanceof Tensor && index.ndim > 1) {
    throw new TensorError('indexSelect', `index must be 1-D, got shape ${fmtShape(index.shape)}`)
  }
  const idx = indexList('indexSelect', index, x.shape[d]!, `dim ${dim}`)
  const outer = sizeOf(x.shape.slice(0, d))
  const size = x.shape[d]!
  const inner = sizeOf(x.shape.slice(d + 1))
  const shape = x.shape.slice()
  shape[d] = idx.length
  const out = allocate(x.dtype, outer * idx.length * inner)
  const src = x.data
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < idx.length; k++) {
      const from = (o * size + idx[k]!) * inner
      const to = (o * idx.length + k) * inner
      for (let i = 0; i < inner; i++) out[to + i] = src[from + i]!
    }
  }
  return track(new Tensor(out, shape, x.dtype), 'indexSelect', [x], (g) => {
    const gx = allocate(g.dtype, x.numel())
    const gd = g.data
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < idx.length; k++) {
        const to = (o * size + idx[k]!) * inner
        const from = (o * idx.length + k) * inner
        for (let i = 0; i < inner; i++) gx[to + i]! += gd[from + i]!
      }
    }
    return [new Tensor(gx, x.shape.slice(), g.dtype)]
  })
}

/** torch.gather: out[i][j][k] = x[i][index[i][j][k]][k] for dim = 1 (index has x's ndim). */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim('gather', dim, x.ndim)
  if (index.ndim !== x.ndim) {
    throw new TensorError(
      'gather',
      `index ${fmtShape(index.shape)} must have as many dims as input ${fmtShape(x.shape)}`,
    )
  }
  for (let k = 0; k < x.ndim; k++) {
    if (k !== d && index.shape[k]! > x.shape[k]!) {
      throw new TensorError(
        'gather',
        `index ${fmtShape(index.shape)} is larger than input ${fmtShape(x.shape)} at dim ${k}`,
      )
    }
  }
  const idx = indexList('gather', index, x.shape[d]!, `dim ${dim}`)
  const xStrides = stridesOf(x.shape)
  const shape = index.shape.slice()
  const n = idx.length
  const sources = new Int32Array(n)
  const pos = new Array<number>(shape.length).fill(0)
  for (let i = 0; i < n; i++) {
    let at = 0
    for (let k = 0; k < shape.length; k++) at += (k === d ? idx[i]! : pos[k]!) * xStrides[k]!
    sources[i] = at
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++pos[k]! < shape[k]!) break
      pos[k] = 0
    }
  }
  const out = allocate(x.dtype, n)
  for (let i = 0; i < n; i++) out[i] = x.data[sources[i]!]!
  return track(new Tensor(out, shape, x.dtype), 'gather', [x], (g) => {
    const gx = allocate(g.dtype, x.numel())
    for (let i = 0; i < n; i++) gx[sources[i]!]! += g.data[i]!
    return [new Tensor(gx, x.shape.slice(), g.dtype)]
  })
}

/** Joins tensors along an existing dim; all other sizes must agree. */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new TensorError('cat', 'expected a non-empty list of tensors')
  const first = tensors[0]!
  const d = normalizeDim('cat', dim, first.ndim)
  let dtype = first.dtype
  let total = 0
  for (const t of tensors) {
    if (t.ndim !== first.ndim || t.shape.some((s, k) => k !== d && s !== first.shape[k])) {
      throw new TensorError(
        'cat',
        `sizes must match except in dim ${dim}: got ${tensors.map((x) => fmtShape(x.shape)).join(' and ')}`,
      )
    }
    dtype = promote(dtype, t.dtype)
    total += t.shape[d]!
  }
  const outer = sizeOf(first.shape.slice(0, d))
  const inner = sizeOf(first.shape.slice(d + 1))
  const shape = first.shape.slice()
  shape[d] = total
  const out = allocate(dtype, outer * total * inner)
  let offset = 0
  for (const t of tensors) {
    const chunk = t.shape[d]! * inner
    for (let o = 0; o < outer; o++) {
      const to = o * total * inner + offset * inner
      const from = o * chunk
      for (let i = 0; i < chunk; i++) out[to + i] = t.data[from + i]!
    }
    offset += t.shape[d]!
  }
  // The graph keeps its own copy of the list: the caller may reuse or clear theirs.
  const inputs = tensors.slice()
  return track(new Tensor(out, shape, dtype), 'cat', inputs, (g) => {
    let at = 0
    return inputs.map((t) => {
      const part = t.requiresGrad ? slice(g, d, at, at + t.shape[d]!) : null
      at += t.shape[d]!
      return part
    })
  })
}

/** Joins same-shaped tensors along a new dim. */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new TensorError('stack', 'expected a non-empty list of tensors')
  const first = tensors[0]!
  for (const t of tensors) {
    if (t.ndim !== first.ndim || t.shape.some((s, k) => s !== first.shape[k])) {
      throw new TensorError(
        'stack',
        `all tensors must have the same shape: got ${tensors.map((x) => fmtShape(x.shape)).join(' and ')}`,
      )
    }
  }
  const d = normalizeDim('stack', dim, first.ndim + 1)
  return cat(
    tensors.map((t) => unsqueeze(t, d)),
    d,
  )
}

/** Splits into chunks of `sizeOrSections` (last may be smaller) or into the listed sizes. */
export function split(x: Tensor, sizeOrSections: number | readonly number[], dim = 0): Tensor[] {
  const d = normalizeDim('split', dim, x.ndim)
  const size = x.shape[d]!
  let sizes: number[]
  if (typeof sizeOrSections === 'number') {
    if (!Number.isInteger(sizeOrSections) || sizeOrSections <= 0) {
      throw new TensorError('split', `split size must be a positive integer, got ${sizeOrSections}`)
    }
    sizes = []
    for (let at = 0; at < size; at += sizeOrSections) sizes.push(Math.min(sizeOrSections, size - at))
  } else {
    sizes = [...sizeOrSections]
    const total = sizes.reduce((a, b) => a + b, 0)
    if (total !== size) {
      throw new TensorError(
        'split',
        `sizes [${sizes.join(',')}] add up to ${total}, but dim ${dim} has size ${size}`,
      )
    }
  }
  let at = 0
  return sizes.map((s) => {
    const part = slice(x, d, at, at + s)
    at += s
    return part
  })
}

/** One-hot encoding of integer class indices: shape [...indices.shape, numClasses], dtype int32. */
export function oneHot(indices: Tensor, numClasses?: number): Tensor {
  if (indices.dtype !== 'int32')
    throw new TensorError('oneHot', `indices must have dtype int32, got ${indices.dtype}`)
  let classes = numClasses ?? -1
  if (classes < 0 && indices.numel() === 0) {
    throw new TensorError(
      'oneHot',
      'cannot infer the number of classes from an empty tensor; pass numClasses',
    )
  }
  if (classes < 0) for (const v of indices.data) classes = Math.max(classes, v + 1)
  const out = new Int32Array(indices.numel() * classes)
  indices.data.forEach((v, i) => {
    if (v < 0 || v >= classes)
      throw new TensorError('oneHot', `class index ${v} is out of range for ${classes} classes`)
    out[i * classes + v] = 1
  })
  return new Tensor(out, [...indices.shape, classes], 'int32')
}
