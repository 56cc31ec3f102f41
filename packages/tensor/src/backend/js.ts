import type { TypedArray } from '../dtype.js'
import { normalCdf, normalPdf } from '../special.js'
import { adamScalars } from './adam.js'
import type { AdamHyper, Backend, BinaryOp, ConvGeometry, ReduceOp, UnaryOp } from './backend.js'

/**
 * The pure TypeScript backend: always available, no allocation inside loops, one switch per
 * call (never per element) on the hot paths.
 */
export const jsBackend: Backend = {
  // float64 state whatever the parameter's dtype: rounding happens only when p is stored.
  allocateState: (length) => new Float64Array(length),
  adamStep,
  name: 'js',
  unary,
  unaryGrad,
  binary,
  reduce,
  argReduce,
  matmul,
  softmax,
  softmaxGrad,
  gather,
  im2col,
  col2im,
  pool2d,
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI)
const GELU_C = 0.044715

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))
}

function softplus(x: number, beta: number): number {
  const bx = beta * x
  return bx > 20 ? x : Math.log1p(Math.exp(bx)) / beta
}

function unary(op: UnaryOp, a: TypedArray, out: TypedArray, alpha: number): void {
  const n = a.length
  switch (op) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -a[i]!
      return
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = Math.exp(a[i]!)
      return
    case 'log':
      for (let i = 0; i < n; i++) out[i] = Math.log(a[i]!)
      return
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]!)
      return
    case 'abs':
      for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]!)
      return
    case 'sign':
      for (let i = 0; i < n; i++) out[i] = Math.sign(a[i]!)
      return
    case 'relu':
      if (a instanceof Float32Array && out instanceof Float32Array) {
        // Branch-free on the bits: a set sign bit (negatives, -0, -∞) gives +0, everything else
        // passes unchanged. Random signs would make a comparison mispredict half the time.
        const bits = new Int32Array(a.buffer, a.byteOffset, n)
        const outBits = new Int32Array(out.buffer, out.byteOffset, n)
        for (let i = 0; i < n; i++) {
          const b = bits[i]!
          outBits[i] = b & ~(b >> 31)
        }
      } else for (let i = 0; i < n; i++) out[i] = Math.max(a[i]!, 0)
      return
    case 'leakyRelu':
      for (let i = 0; i < n; i++) {
        const v = a[i]!
        out[i] = v > 0 ? v : alpha * v
      }
      return
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = sigmoid(a[i]!)
      return
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(a[i]!)
      return
    case 'gelu':
      for (let i = 0; i < n; i++) {
        const v = a[i]!
        out[i] = v * normalCdf(v)
      }
      return
    case 'geluTanh':
      for (let i = 0; i < n; i++) {
        const v = a[i]!
        out[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_C * v * v * v)))
      }
      return
    case 'softplus':
      for (let i = 0; i < n; i++) out[i] = softplus(a[i]!, alpha)
      return
    case 'powScalar':
      if (alpha === 2) for (let i = 0; i < n; i++) out[i] = a[i]! * a[i]!
      else for (let i = 0; i < n; i++) out[i] = a[i]! ** alpha
      return
    case 'sin':
      for (let i = 0; i < n; i++) out[i] = Math.sin(a[i]!)
      return
    case 'cos':
      for (let i = 0; i < n; i++) out[i] = Math.cos(a[i]!)
      return
    case 'square':
      for (let i = 0; i < n; i++) out[i] = a[i]! * a[i]!
      return
    case 'reciprocal':
      for (let i = 0; i < n; i++) out[i] = 1 / a[i]!
      return
  }
}

function unaryGrad(
  op: UnaryOp,
  x: TypedArray,
  y: TypedArray,
  g: TypedArray,
  out: TypedArray,
  alpha: number,
): void {
  const n = g.length
  switch (op) {
    case 'neg':
      for (let i = 0; i < n; i++) out[i] = -g[i]!
      return
    case 'exp':
      for (let i = 0; i < n; i++) out[i] = g[i]! * y[i]!
      return
    case 'log':
      for (let i = 0; i < n; i++) out[i] = g[i]! / x[i]!
      return
    case 'sqrt':
      for (let i = 0; i < n; i++) out[i] = g[i]! / (2 * y[i]!)
      return
    case 'abs':
    case 'sign':
      if (op === 'sign') {
        out.fill(0)
        return
      }
      for (let i = 0; i < n; i++) out[i] = g[i]! * Math.sign(x[i]!)
      return
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = x[i]! > 0 ? g[i]! : 0
      return
    case 'leakyRelu':
      for (let i = 0; i < n; i++) out[i] = x[i]! > 0 ? g[i]! : alpha * g[i]!
      return
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const s = y[i]!
        out[i] = g[i]! * s * (1 - s)
      }
      return
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const t = y[i]!
        out[i] = g[i]! * (1 - t * t)
      }
      return
    case 'gelu':
      for (let i = 0; i < n; i++) {
        const v = x[i]!
        out[i] = g[i]! * (normalCdf(v) + v * normalPdf(v))
      }
      return
    case 'geluTanh':
      for (let i = 0; i < n; i++) {
        const v = x[i]!
        const t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_C * v * v * v))
        const dt = (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_C * v * v)
        out[i] = g[i]! * (0.5 * (1 + t) + 0.5 * v * dt)
      }
      return
    case 'softplus':
      for (let i = 0; i < n; i++) {
        const bx = alpha * x[i]!
        out[i] = bx > 20 ? g[i]! : g[i]! * sigmoid(bx)
      }
      return
    case 'powScalar':
      for (let i = 0; i < n; i++) out[i] = alpha === 0 ? 0 : g[i]! * alpha * x[i]! ** (alpha - 1)
      return
    case 'sin':
      for (let i = 0; i < n; i++) out[i] = g[i]! * Math.cos(x[i]!)
      return
    case 'cos':
      for (let i = 0; i < n; i++) out[i] = -g[i]! * Math.sin(x[i]!)
      return
    case 'square':
      for (let i = 0; i < n; i++) out[i] = 2 * g[i]! * x[i]!
      return
    case 'reciprocal':
      for (let i = 0; i < n; i++) out[i] = -g[i]! * y[i]! * y[i]!
      return
  }
}

function scalarFn(op: BinaryOp): (x: number, y: number) => number {
  switch (op) {
    case 'add':
      return (x, y) => x + y
    case 'sub':
      return (x, y) => x - y
    case 'mul':
      return (x, y) => x * y
    case 'div':
      return (x, y) => x / y
    case 'pow':
      return (x, y) => x ** y
    case 'maximum':
      return (x, y) => Math.max(x, y)
    case 'minimum':
      return (x, y) => Math.min(x, y)
    case 'eq':
      return (x, y) => (x === y ? 1 : 0)
    case 'ne':
      return (x, y) => (x !== y ? 1 : 0)
    case 'gt':
      return (x, y) => (x > y ? 1 : 0)
    case 'ge':
      return (x, y) => (x >= y ? 1 : 0)
    case 'lt':
      return (x, y) => (x < y ? 1 : 0)
    case 'le':
      return (x, y) => (x <= y ? 1 : 0)
  }
}

function binary(
  op: BinaryOp,
  a: TypedArray,
  aStrides: readonly number[],
  b: TypedArray,
  bStrides: readonly number[],
  out: TypedArray,
  shape: readonly number[],
): void {
  const n = out.length
  if (n === 0) return
  const aFull = a.length === n
  const bFull = b.length === n
  // Hot paths: same shape, or one side a single scalar.
  if ((aFull || a.length === 1) && (bFull || b.length === 1) && (aFull || bFull || n === 1)) {
    if (aFull && bFull) {
      switch (op) {
        case 'add':
          for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!
          return
        case 'sub':
          for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!
          return
        case 'mul':
          for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!
          return
        case 'div':
          for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!
          return
      }
    } else if (aFull) {
      const s = b[0]!
      switch (op) {
        case 'add':
          for (let i = 0; i < n; i++) out[i] = a[i]! + s
          return
        case 'sub':
          for (let i = 0; i < n; i++) out[i] = a[i]! - s
          return
        case 'mul':
          for (let i = 0; i < n; i++) out[i] = a[i]! * s
          return
        case 'div':
          for (let i = 0; i < n; i++) out[i] = a[i]! / s
          return
      }
    }
    const f = scalarFn(op)
    const sa = aFull ? 1 : 0
    const sb = bFull ? 1 : 0
    for (let i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) out[i] = f(a[ia]!, b[ib]!)
    return
  }
  // General broadcast: walk the output with an odometer, the last dim in a tight loop.
  const f = scalarFn(op)
  const nd = shape.length
  const last = shape[nd - 1]!
  const saLast = aStrides[nd - 1]!
  const sbLast = bStrides[nd - 1]!
  const index = new Array<number>(nd).fill(0)
  let ia = 0
  let ib = 0
  for (let o = 0; o < n; o += last) {
    let pa = ia
    let pb = ib
    if (op === 'add') for (let j = 0; j < last; j++, pa += saLast, pb += sbLast) out[o + j] = a[pa]! + b[pb]!
    else if (op === 'mul')
      for (let j = 0; j < last; j++, pa += saLast, pb += sbLast) out[o + j] = a[pa]! * b[pb]!
    else for (let j = 0; j < last; j++, pa += saLast, pb += sbLast) out[o + j] = f(a[pa]!, b[pb]!)
    for (let d = nd - 2; d >= 0; d--) {
      index[d]!++
      ia += aStrides[d]!
      ib += bStrides[d]!
      if (index[d]! < shape[d]!) break
      ia -= aStrides[d]! * shape[d]!
      ib -= bStrides[d]! * shape[d]!
      index[d] = 0
    }
  }
}

function reduce(
  op: ReduceOp,
  a: TypedArray,
  out: TypedArray,
  outer: number,
  size: number,
  inner: number,
): void {
  if (inner === 1) {
    for (let o = 0; o < outer; o++) {
      const base = o * size
      if (op === 'sum') {
        let acc = 0
        for (let s = 0; s < size; s++) acc += a[base + s]!
        out[o] = acc
      } else {
        let acc = size > 0 ? a[base]! : op === 'max' ? -Infinity : Infinity
        for (let s = 1; s < size; s++) {
          const v = a[base + s]!
          if (op === 'max' ? v > acc || Number.isNaN(v) : v < acc || Number.isNaN(v)) acc = v
        }
        out[o] = acc
      }
    }
    return
  }
  // Accumulate whole rows so the inner loop stays contiguous.
  const acc = new Float64Array(inner)
  for (let o = 0; o < outer; o++) {
    const base = o * size * inner
    if (op === 'sum') {
      acc.fill(0)
      for (let s = 0; s < size; s++) {
        const row = base + s * inner
        for (let i = 0; i < inner; i++) acc[i]! += a[row + i]!
      }
    } else {
      if (size === 0) acc.fill(op === 'max' ? -Infinity : Infinity)
      else for (let i = 0; i < inner; i++) acc[i] = a[base + i]!
      for (let s = 1; s < size; s++) {
        const row = base + s * inner
        for (let i = 0; i < inner; i++) {
          const v = a[row + i]!
          const cur = acc[i]!
          if (op === 'max' ? v > cur || Number.isNaN(v) : v < cur || Number.isNaN(v)) acc[i] = v
        }
      }
    }
    const ob = o * inner
    for (let i = 0; i < inner; i++) out[ob + i] = acc[i]!
  }
}

function argReduce(
  op: 'argmax' | 'argmin',
  a: TypedArray,
  out: Int32Array,
  outer: number,
  size: number,
  inner: number,
): void {
  const isMax = op === 'argmax'
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i
      let best = a[base]!
      let at = 0
      for (let s = 1; s < size; s++) {
        const v = a[base + s * inner]!
        if (Number.isNaN(best)) break
        if (isMax ? v > best || Number.isNaN(v) : v < best || Number.isNaN(v)) {
          best = v
          at = s
        }
      }
      out[o * inner + i] = at
    }
  }
}

// Scratch buffers reused across matmul calls: packing must not allocate per call.
let packA: Float64Array = new Float64Array(0)
let packB: Float64Array = new Float64Array(0)

function scratch(current: Float64Array, length: number): Float64Array {
  return current.length >= length ? current : new Float64Array(Math.max(length, current.length * 2))
}

/**
 * Register-blocked matmul. B is packed into k×4 column panels and A into 4×k row panels
 * (transposes are absorbed while packing), then a 4×4 micro-kernel keeps 16 accumulators
 * in registers across the whole k loop.
 */
// biome-ignore format: the micro-kernel reads best laid out as the 4×4 grid it computes
function matmul(a: TypedArray, b: TypedArray, out: TypedArray, m: number, k: number, n: number, transA: boolean, transB: boolean): void {
  if (m === 0 || n === 0) return
  if (k === 0) {
    out.fill(0, 0, m * n)
    return
  }
  // Tiny products (XOR-sized nets) are dominated by call overhead: a plain triple loop wins.
  if (m * n * k <= 512) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0
        for (let p = 0; p < k; p++) acc += (transA ? a[p * m + i]! : a[i * k + p]!) * (transB ? b[j * k + p]! : b[p * n + j]!)
        out[i * n + j] = acc
      }
    }
    return
  }
  // Mostly-zero operands (MNIST pixels, ReLU outputs) are cheaper to multiply by skipping zeros.
  if (isSparse(a, m * k) && allFinite(b, k * n)) {
    sparseProduct(a, b, out, m, k, n, transA, transB, false)
    return
  }
  if (isSparse(b, k * n) && allFinite(a, m * k)) {
    // out = A·B computed as (Bᵀ·Aᵀ)ᵀ so the sparse operand is on the left.
    sparseProduct(b, a, out, n, k, m, !transB, !transA, true)
    return
  }
  const nPanels = Math.ceil(n / 4)
  const mPanels = Math.ceil(m / 4)
  packB = scratch(packB, nPanels * 4 * k)
  packA = scratch(packA, mPanels * 4 * k)
  const pb = packB
  const pa = packA
  // Pack B: panel q holds columns 4q..4q+3 as k rows of 4 (zero padded).
  for (let q = 0; q < nPanels; q++) {
    const base = q * 4 * k
    for (let jj = 0; jj < 4; jj++) {
      const j = q * 4 + jj
      if (j < n) {
        if (transB) for (let p = 0; p < k; p++) pb[base + p * 4 + jj] = b[j * k + p]!
        else for (let p = 0; p < k; p++) pb[base + p * 4 + jj] = b[p * n + j]!
      } else for (let p = 0; p < k; p++) pb[base + p * 4 + jj] = 0
    }
  }
  // Pack A: panel r holds rows 4r..4r+3 interleaved as k groups of 4.
  for (let r = 0; r < mPanels; r++) {
    const base = r * 4 * k
    for (let ii = 0; ii < 4; ii++) {
      const i = r * 4 + ii
      if (i < m) {
        if (transA) for (let p = 0; p < k; p++) pa[base + p * 4 + ii] = a[p * m + i]!
        else for (let p = 0; p < k; p++) pa[base + p * 4 + ii] = a[i * k + p]!
      } else for (let p = 0; p < k; p++) pa[base + p * 4 + ii] = 0
    }
  }
  // Depth blocks keep a 4-column panel slice of B (8 KB of float64) in L1 and A's block in L2;
  // without them a long k (a whole batch of conv columns) streams both from memory per tile.
  // Several blocks add up in float64 scratch, so the sum is rounded once, as with one block.
  const blocked = k > DEPTH_BLOCK
  if (blocked) blockSums = scratch(blockSums, m * n)
  const target: TypedArray = blocked ? blockSums : out
  for (let kb = 0; kb < k; kb += DEPTH_BLOCK) {
    const kc = Math.min(DEPTH_BLOCK, k - kb)
    const first = kb === 0
    for (let r = 0; r < mPanels; r++) {
      const aBase = (r * k + kb) * 4
      const i0 = r * 4
      const rows = Math.min(4, m - i0)
      for (let q = 0; q < nPanels; q++) {
        const bBase = (q * k + kb) * 4
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0
        for (let p = 0, ia = aBase, ib = bBase; p < kc; p++, ia += 4, ib += 4) {
          const a0 = pa[ia]!, a1 = pa[ia + 1]!, a2 = pa[ia + 2]!, a3 = pa[ia + 3]!
          const b0 = pb[ib]!, b1 = pb[ib + 1]!, b2 = pb[ib + 2]!, b3 = pb[ib + 3]!
          c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3
          c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3
          c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3
          c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3
        }
        const j0 = q * 4
        const cols = Math.min(4, n - j0)
        if (rows === 4 && cols === 4 && first) {
          let o = i0 * n + j0
          target[o] = c00; target[o + 1] = c01; target[o + 2] = c02; target[o + 3] = c03
          o += n
          target[o] = c10; target[o + 1] = c11; target[o + 2] = c12; target[o + 3] = c13
          o += n
          target[o] = c20; target[o + 1] = c21; target[o + 2] = c22; target[o + 3] = c23
          o += n
          target[o] = c30; target[o + 1] = c31; target[o + 2] = c32; target[o + 3] = c33
        } else {
          const block = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33]
          for (let ii = 0; ii < rows; ii++) {
            for (let jj = 0; jj < cols; jj++) {
              const o = (i0 + ii) * n + j0 + jj
              target[o] = first ? block[ii * 4 + jj]! : target[o]! + block[ii * 4 + jj]!
            }
          }
        }
      }
    }
  }
  if (blocked) for (let i = 0; i < m * n; i++) out[i] = blockSums[i]!
}

/** Depth of one cache block of the TypeScript matmul. */
const DEPTH_BLOCK = 256
let blockSums: Float64Array = new Float64Array(0)

/**
 * Below this fraction of non-zeros the zero-skipping product beats the dense blocked kernel
 * (it runs about 3× fewer multiply-adds per second, so break-even is near 0.3; MNIST pixels are 0.19).
 */
const SPARSE_DENSITY = 0.25

function isSparse(x: TypedArray, length: number): boolean {
  const limit = length * SPARSE_DENSITY
  let nonZeros = 0
  for (let i = 0; i < length; i++) if (x[i] !== 0 && ++nonZeros > limit) return false
  return true
}

/** Skipping zeros is only exact when the other side has no ∞ or NaN (0·∞ must stay NaN). */
function allFinite(x: TypedArray, length: number): boolean {
  for (let i = 0; i < length; i++) if (!Number.isFinite(x[i]!)) return false
  return true
}

let rowAccumulator: Float64Array = new Float64Array(0)

/**
 * C = op(A)·op(B) for a mostly-zero A (m×k): each non-zero a[i,p] adds a[i,p]·B[p,:] to row i.
 * Rows accumulate in float64 like the dense kernel; `transposeOut` stores Cᵀ instead of C.
 */
function sparseProduct(
  a: TypedArray,
  b: TypedArray,
  out: TypedArray,
  m: number,
  k: number,
  n: number,
  transA: boolean,
  transB: boolean,
  transposeOut: boolean,
): void {
  // B's rows must be contiguous: copy a transposed B once.
  let rows: TypedArray = b
  if (transB) {
    packB = scratch(packB, k * n)
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) packB[p * n + j] = b[j * k + p]!
    rows = packB
  }
  rowAccumulator = scratch(rowAccumulator, n)
  const acc = rowAccumulator
  for (let i = 0; i < m; i++) {
    acc.fill(0, 0, n)
    for (let p = 0; p < k; p++) {
      const av = transA ? a[p * m + i]! : a[i * k + p]!
      if (av === 0) continue
      const r = p * n
      for (let j = 0; j < n; j++) acc[j]! += av * rows[r + j]!
    }
    if (transposeOut) for (let j = 0; j < n; j++) out[j * m + i] = acc[j]!
    else for (let j = 0; j < n; j++) out[i * n + j] = acc[j]!
  }
}

function softmax(
  a: TypedArray,
  out: TypedArray,
  outer: number,
  size: number,
  inner: number,
  log: boolean,
): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i
      let max = -Infinity
      for (let s = 0; s < size; s++) {
        const v = a[base + s * inner]!
        if (v > max) max = v
      }
      if (max === -Infinity) max = 0
      let sum = 0
      for (let s = 0; s < size; s++) sum += Math.exp(a[base + s * inner]! - max)
      if (log) {
        const lse = Math.log(sum)
        for (let s = 0; s < size; s++) out[base + s * inner] = a[base + s * inner]! - max - lse
      } else {
        for (let s = 0; s < size; s++) out[base + s * inner] = Math.exp(a[base + s * inner]! - max) / sum
      }
    }
  }
}

function softmaxGrad(
  y: TypedArray,
  g: TypedArray,
  out: TypedArray,
  outer: number,
  size: number,
  inner: number,
  log: boolean,
): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i
      let dot = 0
      if (log) {
        // d logsoftmax: g - softmax · Σg
        for (let s = 0; s < size; s++) dot += g[base + s * inner]!
        for (let s = 0; s < size; s++) {
          const at = base + s * inner
          out[at] = g[at]! - Math.exp(y[at]!) * dot
        }
      } else {
        // d softmax: y · (g - Σ g·y)
        for (let s = 0; s < size; s++) dot += g[base + s * inner]! * y[base + s * inner]!
        for (let s = 0; s < size; s++) {
          const at = base + s * inner
          out[at] = y[at]! * (g[at]! - dot)
        }
      }
    }
  }
}

function gather(
  src: TypedArray,
  srcOffset: number,
  srcStrides: readonly number[],
  out: TypedArray,
  shape: readonly number[],
): void {
  const n = out.length
  if (n === 0) return
  const nd = shape.length
  if (nd === 0) {
    out[0] = src[srcOffset]!
    return
  }
  const last = shape[nd - 1]!
  const sLast = srcStrides[nd - 1]!
  const index = new Array<number>(nd).fill(0)
  let at = srcOffset
  for (let o = 0; o < n; o += last) {
    if (sLast === 1) for (let j = 0; j < last; j++) out[o + j] = src[at + j]!
    else for (let j = 0, p = at; j < last; j++, p += sLast) out[o + j] = src[p]!
    for (let d = nd - 2; d >= 0; d--) {
      index[d]!++
      at += srcStrides[d]!
      if (index[d]! < shape[d]!) break
      at -= srcStrides[d]! * shape[d]!
      index[d] = 0
    }
  }
}

/** Output columns [lo, hi) whose input column ow·stride − pad + k falls inside [0, size). */
function validRange(k: number, stride: number, pad: number, size: number, outSize: number): [number, number] {
  const lo = Math.max(0, Math.ceil((pad - k) / stride))
  const hi = Math.min(outSize, Math.floor((size - 1 + pad - k) / stride) + 1)
  return [lo, Math.max(lo, hi)]
}

function im2col(
  input: TypedArray,
  inputOffset: number,
  g: ConvGeometry,
  batch: number,
  cols: TypedArray,
): void {
  const { channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW } = g
  const plane = outH * outW
  const rowStride = batch * plane
  for (let n = 0; n < batch; n++) {
    const imageBase = inputOffset + n * channels * height * width
    let row = 0
    for (let c = 0; c < channels; c++) {
      const cBase = imageBase + c * height * width
      for (let ki = 0; ki < kernelH; ki++) {
        const [ohLo, ohHi] = validRange(ki, strideH, padH, height, outH)
        for (let kj = 0; kj < kernelW; kj++, row++) {
          const rowBase = row * rowStride + n * plane
          // Padding rows and columns are zeros; the rest is a plain (strided) copy, no per-element test.
          const [owLo, owHi] = validRange(kj, strideW, padW, width, outW)
          cols.fill(0, rowBase, rowBase + ohLo * outW)
          cols.fill(0, rowBase + ohHi * outW, rowBase + plane)
          for (let oh = ohLo; oh < ohHi; oh++) {
            const o = rowBase + oh * outW
            const src = cBase + (oh * strideH - padH + ki) * width - padW + kj
            if (owLo > 0) cols.fill(0, o, o + owLo)
            if (owHi < outW) cols.fill(0, o + owHi, o + outW)
            for (let ow = owLo; ow < owHi; ow++) cols[o + ow] = input[src + ow * strideW]!
          }
        }
      }
    }
  }
}

function col2im(cols: TypedArray, g: ConvGeometry, batch: number, out: TypedArray, outOffset: number): void {
  const { channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW } = g
  const plane = outH * outW
  const rowStride = batch * plane
  for (let n = 0; n < batch; n++) {
    const imageBase = outOffset + n * channels * height * width
    let row = 0
    for (let c = 0; c < channels; c++) {
      const cBase = imageBase + c * height * width
      for (let ki = 0; ki < kernelH; ki++) {
        const [ohLo, ohHi] = validRange(ki, strideH, padH, height, outH)
        for (let kj = 0; kj < kernelW; kj++, row++) {
          const rowBase = row * rowStride + n * plane
          const [owLo, owHi] = validRange(kj, strideW, padW, width, outW)
          for (let oh = ohLo; oh < ohHi; oh++) {
            const o = rowBase + oh * outW
            const dst = cBase + (oh * strideH - padH + ki) * width - padW + kj
            for (let ow = owLo; ow < owHi; ow++) out[dst + ow * strideW]! += cols[o + ow]!
          }
        }
      }
    }
  }
}

function pool2d(
  op: 'max' | 'avg',
  input: TypedArray,
  inputOffset: number,
  g: ConvGeometry,
  out: TypedArray,
  outOffset: number,
  argmax: Int32Array | null,
): void {
  const { channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, outH, outW } = g
  const area = kernelH * kernelW
  for (let c = 0; c < channels; c++) {
    const cBase = c * height * width
    for (let oh = 0; oh < outH; oh++) {
      // The window's rows and columns inside the image, so the inner loops test nothing.
      const h0 = oh * strideH - padH
      const kiLo = Math.max(0, -h0)
      const kiHi = Math.min(kernelH, height - h0)
      for (let ow = 0; ow < outW; ow++) {
        const w0 = ow * strideW - padW
        const kjLo = Math.max(0, -w0)
        const kjHi = Math.min(kernelW, width - w0)
        const o = outOffset + (c * outH + oh) * outW + ow
        if (op === 'max') {
          let best = Number.NEGATIVE_INFINITY
          let bestAt = -1
          for (let ki = kiLo; ki < kiHi; ki++) {
            const rowAt = cBase + (h0 + ki) * width + w0
            for (let kj = kjLo; kj < kjHi; kj++) {
              const v = input[inputOffset + rowAt + kj]!
              // The first element, anything larger, or a NaN (as PyTorch: the last NaN) takes the lead.
              if (v > best || bestAt < 0 || Number.isNaN(v)) {
                best = v
                bestAt = rowAt + kj
              }
            }
          }
          out[o] = best
          if (argmax) argmax[o] = bestAt
        } else {
          let sum = 0
          for (let ki = kiLo; ki < kiHi; ki++) {
            const rowAt = inputOffset + cBase + (h0 + ki) * width + w0
            for (let kj = kjLo; kj < kjHi; kj++) sum += input[rowAt + kj]!
          }
          out[o] = sum / area
        }
      }
    }
  }
}

/** Adam/AdamW as PyTorch computes it; the state is float64 here, so rounding stays in the parameter. */
function adamStep(
  p: TypedArray,
  grad: TypedArray,
  m: TypedArray,
  v: TypedArray,
  vMax: TypedArray | null,
  h: AdamHyper,
): void {
  const { beta1, beta2, eps, weightDecay } = h
  const { stepSize, invSqrtCorrection2, shrink, coupledDecay } = adamScalars(h)
  const oneMinusBeta1 = 1 - beta1
  const oneMinusBeta2 = 1 - beta2
  const n = p.length
  if (!vMax && weightDecay === 0) {
    // The common case, kept free of branches and decay terms: it runs once per parameter per step.
    for (let i = 0; i < n; i++) {
      const g = grad[i]!
      const mi = beta1 * m[i]! + oneMinusBeta1 * g
      const vi = beta2 * v[i]! + oneMinusBeta2 * g * g
      m[i] = mi
      v[i] = vi
      p[i] = p[i]! - (stepSize * mi) / (Math.sqrt(vi) * invSqrtCorrection2 + eps)
    }
    return
  }
  for (let i = 0; i < n; i++) {
    const value = p[i]! * shrink
    const g = grad[i]! + coupledDecay * value
    const mi = (m[i] = beta1 * m[i]! + oneMinusBeta1 * g)
    let vi = (v[i] = beta2 * v[i]! + oneMinusBeta2 * g * g)
    if (vMax) vi = vMax[i] = Math.max(vMax[i]!, vi)
    p[i] = value - (stepSize * mi) / (Math.sqrt(vi) * invSqrtCorrection2 + eps)
  }
}
