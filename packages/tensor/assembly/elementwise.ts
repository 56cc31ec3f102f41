// Elementwise, reduction and softmax loops on float32, 128-bit SIMD where the op allows it.
// Op codes match BINARY_CODES / UNARY_CODES in src/backend/wasm/index.ts (the agreement tests
// would catch a mismatch: every op is compared with the TypeScript kernels).

const ADD: i32 = 0
const SUB: i32 = 1
const MUL: i32 = 2
const DIV: i32 = 3
const MAXIMUM: i32 = 4
const MINIMUM: i32 = 5

// @ts-ignore: decorator
@inline
function apply4(op: i32, x: v128, y: v128): v128 {
  switch (op) {
    case ADD:
      return f32x4.add(x, y)
    case SUB:
      return f32x4.sub(x, y)
    case MUL:
      return f32x4.mul(x, y)
    case DIV:
      return f32x4.div(x, y)
    case MAXIMUM:
      return f32x4.max(x, y)
    default:
      return f32x4.min(x, y)
  }
}

// @ts-ignore: decorator
@inline
function apply1(op: i32, x: f32, y: f32): f32 {
  switch (op) {
    case ADD:
      return x + y
    case SUB:
      return x - y
    case MUL:
      return x * y
    case DIV:
      return x / y
    case MAXIMUM:
      // NaN wins, like torch.maximum.
      return x != x || y != y ? NaN : max(x, y)
    default:
      return x != x || y != y ? NaN : min(x, y)
  }
}

/**
 * out = a ∘ b over `n` floats, where each operand either has `n` floats or is one broadcast
 * scalar (`aScalar` / `bScalar`).
 */
export function binary(op: i32, a: usize, aScalar: bool, b: usize, bScalar: bool, out: usize, n: i32): void {
  let i = 0
  if (!aScalar && !bScalar) {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2
      v128.store(out + o, apply4(op, v128.load(a + o), v128.load(b + o)))
    }
    for (; i < n; i++) {
      const o = <usize>i << 2
      store<f32>(out + o, apply1(op, load<f32>(a + o), load<f32>(b + o)))
    }
  } else if (bScalar && !aScalar) {
    const s = load<f32>(b)
    const vs = f32x4.splat(s)
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2
      v128.store(out + o, apply4(op, v128.load(a + o), vs))
    }
    for (; i < n; i++) {
      const o = <usize>i << 2
      store<f32>(out + o, apply1(op, load<f32>(a + o), s))
    }
  } else if (aScalar && !bScalar) {
    const s = load<f32>(a)
    const vs = f32x4.splat(s)
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2
      v128.store(out + o, apply4(op, vs, v128.load(b + o)))
    }
    for (; i < n; i++) {
      const o = <usize>i << 2
      store<f32>(out + o, apply1(op, s, load<f32>(b + o)))
    }
  } else {
    const v = apply1(op, load<f32>(a), load<f32>(b))
    for (; i < n; i++) store<f32>(out + (<usize>i << 2), v)
  }
}

/** out[r, :] = a[r, :] ∘ row for every r of a rows×cols matrix (a bias added to a batch). */
export function binaryRows(op: i32, a: usize, row: usize, out: usize, rows: i32, cols: i32): void {
  const rowBytes = <usize>cols << 2
  for (let r = 0; r < rows; r++) {
    const x = a + <usize>r * rowBytes
    const y = out + <usize>r * rowBytes
    let j = 0
    for (; j + 4 <= cols; j += 4) {
      const o = <usize>j << 2
      v128.store(y + o, apply4(op, v128.load(x + o), v128.load(row + o)))
    }
    for (; j < cols; j++) {
      const o = <usize>j << 2
      store<f32>(y + o, apply1(op, load<f32>(x + o), load<f32>(row + o)))
    }
  }
}

const RELU: i32 = 0
const NEG: i32 = 1
const ABS: i32 = 2
const SQUARE: i32 = 3
const SQRT: i32 = 4
const EXP: i32 = 5
const LOG: i32 = 6
const SIGMOID: i32 = 7
const TANH: i32 = 8
const RECIPROCAL: i32 = 9

/** out = f(a) over n floats. */
export function unary(op: i32, a: usize, out: usize, n: i32): void {
  let i = 0
  if (op <= SQRT) {
    for (; i + 4 <= n; i += 4) {
      const o = <usize>i << 2
      const x = v128.load(a + o)
      let y: v128
      if (op == RELU) {
        // Same bits as the TypeScript backend: a set sign bit gives +0, everything else passes.
        y = v128.andnot(x, i32x4.shr_s(x, 31))
      } else if (op == NEG) y = f32x4.neg(x)
      else if (op == ABS) y = f32x4.abs(x)
      else if (op == SQUARE) y = f32x4.mul(x, x)
      else y = f32x4.sqrt(x)
      v128.store(out + o, y)
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 2
    store<f32>(out + o, scalarUnary(op, load<f32>(a + o)))
  }
}

// @ts-ignore: decorator
@inline
function scalarUnary(op: i32, x: f32): f32 {
  switch (op) {
    case RELU: {
      const bits = reinterpret<i32>(x)
      return reinterpret<f32>(bits & ~(bits >> 31))
    }
    case NEG:
      return -x
    case ABS:
      return abs(x)
    case SQUARE:
      return x * x
    case SQRT:
      return sqrt(x)
    case EXP:
      return Mathf.exp(x)
    case LOG:
      return Mathf.log(x)
    case SIGMOID:
      // Split by sign so exp never overflows.
      if (x >= 0) return 1 / (1 + Mathf.exp(-x))
      else {
        const e = Mathf.exp(x)
        return e / (1 + e)
      }
    case TANH:
      return Mathf.tanh(x)
    default:
      return 1 / x
  }
}

/** out = g · f'(x) given the forward output y, for relu, sigmoid and tanh (no x needed). */
export function unaryGrad(op: i32, y: usize, g: usize, out: usize, n: i32): void {
  let i = 0
  const zero = f32x4.splat(0)
  const one = f32x4.splat(1)
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2
    const yv = v128.load(y + o)
    const gv = v128.load(g + o)
    let r: v128
    if (op == RELU) r = v128.and(gv, f32x4.gt(yv, zero))
    else if (op == SIGMOID) r = f32x4.mul(gv, f32x4.mul(yv, f32x4.sub(one, yv)))
    else r = f32x4.mul(gv, f32x4.sub(one, f32x4.mul(yv, yv)))
    v128.store(out + o, r)
  }
  for (; i < n; i++) {
    const o = <usize>i << 2
    const yv = load<f32>(y + o)
    const gv = load<f32>(g + o)
    let r: f32
    if (op == RELU) r = yv > 0 ? gv : 0
    else if (op == SIGMOID) r = gv * yv * (1 - yv)
    else r = gv * (1 - yv * yv)
    store<f32>(out + o, r)
  }
}

/** out[o, j] = Σ_s a[o, s, j] over a [outer, size, inner] view. */
export function sumAxis(a: usize, out: usize, outer: i32, size: i32, inner: i32): void {
  const innerBytes = <usize>inner << 2
  for (let o = 0; o < outer; o++) {
    const base = a + <usize>o * <usize>size * innerBytes
    const dst = out + <usize>o * innerBytes
    if (inner == 1) {
      store<f32>(dst, sumRun(base, size))
      continue
    }
    // An empty axis sums to 0 (and row 0 does not exist to copy).
    if (size == 0) memory.fill(dst, 0, innerBytes)
    else memory.copy(dst, base, innerBytes)
    for (let s = 1; s < size; s++) {
      const src = base + <usize>s * innerBytes
      let j = 0
      for (; j + 4 <= inner; j += 4) {
        const off = <usize>j << 2
        v128.store(dst + off, f32x4.add(v128.load(dst + off), v128.load(src + off)))
      }
      for (; j < inner; j++) {
        const off = <usize>j << 2
        store<f32>(dst + off, load<f32>(dst + off) + load<f32>(src + off))
      }
    }
  }
}

/** Sum of n contiguous floats with four (eight) independent lanes of partial sums. */
// @ts-ignore: decorator
@inline
function sumRun(x: usize, n: i32): f32 {
  let s0 = f32x4.splat(0)
  let s1 = f32x4.splat(0)
  let i = 0
  for (; i + 8 <= n; i += 8) {
    const o = <usize>i << 2
    s0 = f32x4.add(s0, v128.load(x + o))
    s1 = f32x4.add(s1, v128.load(x + o, 16))
  }
  s0 = f32x4.add(s0, s1)
  let total: f32 =
    f32x4.extract_lane(s0, 0) + f32x4.extract_lane(s0, 1) + f32x4.extract_lane(s0, 2) + f32x4.extract_lane(s0, 3)
  for (; i < n; i++) total += load<f32>(x + (<usize>i << 2))
  return total
}

/** Softmax (or log-softmax) of each contiguous row of a rows×size matrix. */
export function softmaxRows(a: usize, out: usize, rows: i32, size: i32, log: bool): void {
  const rowBytes = <usize>size << 2
  for (let r = 0; r < rows; r++) {
    const x = a + <usize>r * rowBytes
    const y = out + <usize>r * rowBytes
    let m: f32 = -Infinity
    for (let j = 0; j < size; j++) {
      const v = load<f32>(x + (<usize>j << 2))
      if (v > m || v != v) m = v
    }
    // An all −∞ row gives NaN either way; 0 keeps the arithmetic identical to the TS backend.
    if (m == -Infinity) m = 0
    let total: f32 = 0
    for (let j = 0; j < size; j++) {
      const e = Mathf.exp(load<f32>(x + (<usize>j << 2)) - m)
      total += e
      if (!log) store<f32>(y + (<usize>j << 2), e)
    }
    if (log) {
      const shift = m + Mathf.log(total)
      for (let j = 0; j < size; j++) store<f32>(y + (<usize>j << 2), load<f32>(x + (<usize>j << 2)) - shift)
    } else {
      const inv: f32 = 1 / total
      for (let j = 0; j < size; j++) store<f32>(y + (<usize>j << 2), load<f32>(y + (<usize>j << 2)) * inv)
    }
  }
}

/**
 * Backward of softmaxRows given its output y and incoming gradient g:
 * softmax: dx = y·(g − Σ g·y); log-softmax: dx = g − exp(y)·Σ g.
 */
export function softmaxGradRows(y: usize, g: usize, out: usize, rows: i32, size: i32, log: bool): void {
  const rowBytes = <usize>size << 2
  for (let r = 0; r < rows; r++) {
    const yr = y + <usize>r * rowBytes
    const gr = g + <usize>r * rowBytes
    const dr = out + <usize>r * rowBytes
    let total: f32 = 0
    for (let j = 0; j < size; j++) {
      const o = <usize>j << 2
      total += log ? load<f32>(gr + o) : load<f32>(gr + o) * load<f32>(yr + o)
    }
    for (let j = 0; j < size; j++) {
      const o = <usize>j << 2
      const yv = load<f32>(yr + o)
      const gv = load<f32>(gr + o)
      store<f32>(dr + o, log ? gv - Mathf.exp(yv) * total : yv * (gv - total))
    }
  }
}
