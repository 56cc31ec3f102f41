// Matrix products on float32, 128-bit SIMD. Pointers are byte offsets into linear memory; the
// TypeScript side (src/backend/wasm) lays out operands and scratch space and calls these.

/** Rows of A per micro-kernel tile (one f32 broadcast each). */
const MR: i32 = 4
/** Columns of B per micro-kernel tile (two v128 lanes of four). */
const NR: i32 = 8
/** Depth of one cache block: an 8-column panel slice of B (8 KB) stays in L1, A's block in L2. */
const KC: i32 = 256

/**
 * Packs op(A) (m×k) into row panels of MR: panel r holds rows 4r..4r+3 as k groups of four,
 * zero padded past m. `transA` means `a` holds Aᵀ (k×m).
 */
export function packA(a: usize, m: i32, k: i32, transA: bool, dst: usize): void {
  const panels = (m + MR - 1) / MR
  for (let r = 0; r < panels; r++) {
    const i0 = r * MR
    const rows = min(MR, m - i0)
    const base = dst + ((<usize>r * <usize>k) << 4)
    if (transA) {
      // Four consecutive rows of A are four consecutive floats of one row of Aᵀ.
      let src = a + (<usize>i0 << 2)
      const stride = <usize>m << 2
      if (rows == MR) {
        for (let p = 0; p < k; p++) {
          v128.store(base + (<usize>p << 4), v128.load(src))
          src += stride
        }
      } else {
        for (let p = 0; p < k; p++) {
          const out = base + (<usize>p << 4)
          for (let ii = 0; ii < MR; ii++) store<f32>(out + (<usize>ii << 2), ii < rows ? load<f32>(src + (<usize>ii << 2)) : 0)
          src += stride
        }
      }
    } else {
      for (let ii = 0; ii < MR; ii++) {
        const out = base + (<usize>ii << 2)
        if (ii < rows) {
          const src = a + ((<usize>(i0 + ii) * <usize>k) << 2)
          for (let p = 0; p < k; p++) store<f32>(out + (<usize>p << 4), load<f32>(src + (<usize>p << 2)))
        } else {
          for (let p = 0; p < k; p++) store<f32>(out + (<usize>p << 4), 0)
        }
      }
    }
  }
}

/**
 * Packs op(B) (k×n) into column panels of NR: panel q holds columns 8q..8q+7 as k rows of eight,
 * zero padded past n. `transB` means `b` holds Bᵀ (n×k).
 */
export function packB(b: usize, k: i32, n: i32, transB: bool, dst: usize): void {
  const panels = (n + NR - 1) / NR
  for (let q = 0; q < panels; q++) {
    const j0 = q * NR
    const cols = min(NR, n - j0)
    const base = dst + ((<usize>q * <usize>k) << 5)
    if (transB) {
      for (let jj = 0; jj < NR; jj++) {
        const out = base + (<usize>jj << 2)
        if (jj < cols) {
          const src = b + ((<usize>(j0 + jj) * <usize>k) << 2)
          for (let p = 0; p < k; p++) store<f32>(out + (<usize>p << 5), load<f32>(src + (<usize>p << 2)))
        } else {
          for (let p = 0; p < k; p++) store<f32>(out + (<usize>p << 5), 0)
        }
      }
    } else {
      let src = b + (<usize>j0 << 2)
      const stride = <usize>n << 2
      if (cols == NR) {
        for (let p = 0; p < k; p++) {
          const out = base + (<usize>p << 5)
          v128.store(out, v128.load(src))
          v128.store(out, v128.load(src, 16), 16)
          src += stride
        }
      } else {
        for (let p = 0; p < k; p++) {
          const out = base + (<usize>p << 5)
          for (let jj = 0; jj < NR; jj++) store<f32>(out + (<usize>jj << 2), jj < cols ? load<f32>(src + (<usize>jj << 2)) : 0)
          src += stride
        }
      }
    }
  }
}

/**
 * C (m×n, row-major at `c`) = packed A · packed B, for B's column panels [q0, q1). Threads split
 * the panels between them, so each writes a disjoint set of C's columns. `tile` is 128 bytes of
 * this thread's own scratch for the ragged edge tiles.
 */
export function gemmPacked(pa: usize, pb: usize, c: usize, m: i32, k: i32, n: i32, q0: i32, q1: i32, tile: usize): void {
  const mPanels = (m + MR - 1) / MR
  const ldc = <usize>n << 2
  for (let kb = 0; kb < k; kb += KC) {
    const kc = min(KC, k - kb)
    const accumulate = kb > 0
    for (let q = q0; q < q1; q++) {
      const bp = pb + ((<usize>q * <usize>k + <usize>kb) << 5)
      const j0 = q * NR
      const cols = min(NR, n - j0)
      for (let r = 0; r < mPanels; r++) {
        const ap = pa + ((<usize>r * <usize>k + <usize>kb) << 4)
        const i0 = r * MR
        const rows = min(MR, m - i0)
        const cp = c + ((<usize>i0 * <usize>n + <usize>j0) << 2)
        if (rows == MR && cols == NR) microKernel(ap, bp, kc, cp, ldc, accumulate)
        else {
          microKernel(ap, bp, kc, tile, NR << 2, false)
          for (let ii = 0; ii < rows; ii++) {
            for (let jj = 0; jj < cols; jj++) {
              const to = cp + <usize>ii * ldc + (<usize>jj << 2)
              const v = load<f32>(tile + (<usize>(ii * NR + jj) << 2))
              store<f32>(to, accumulate ? load<f32>(to) + v : v)
            }
          }
        }
      }
    }
  }
}

/** The 4×8 register tile: eight f32x4 accumulators live across the whole depth loop. */
// @ts-ignore: decorator
@inline
function microKernel(ap: usize, bp: usize, kc: i32, cp: usize, ldc: usize, accumulate: bool): void {
  let c00 = f32x4.splat(0)
  let c01 = f32x4.splat(0)
  let c10 = f32x4.splat(0)
  let c11 = f32x4.splat(0)
  let c20 = f32x4.splat(0)
  let c21 = f32x4.splat(0)
  let c30 = f32x4.splat(0)
  let c31 = f32x4.splat(0)
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp)
    const b1 = v128.load(bp, 16)
    let a = v128.load32_splat(ap)
    c00 = f32x4.add(c00, f32x4.mul(a, b0))
    c01 = f32x4.add(c01, f32x4.mul(a, b1))
    a = v128.load32_splat(ap, 4)
    c10 = f32x4.add(c10, f32x4.mul(a, b0))
    c11 = f32x4.add(c11, f32x4.mul(a, b1))
    a = v128.load32_splat(ap, 8)
    c20 = f32x4.add(c20, f32x4.mul(a, b0))
    c21 = f32x4.add(c21, f32x4.mul(a, b1))
    a = v128.load32_splat(ap, 12)
    c30 = f32x4.add(c30, f32x4.mul(a, b0))
    c31 = f32x4.add(c31, f32x4.mul(a, b1))
    ap += 16
    bp += 32
  }
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(cp))
    c01 = f32x4.add(c01, v128.load(cp, 16))
    c10 = f32x4.add(c10, v128.load(cp + ldc))
    c11 = f32x4.add(c11, v128.load(cp + ldc, 16))
    c20 = f32x4.add(c20, v128.load(cp + 2 * ldc))
    c21 = f32x4.add(c21, v128.load(cp + 2 * ldc, 16))
    c30 = f32x4.add(c30, v128.load(cp + 3 * ldc))
    c31 = f32x4.add(c31, v128.load(cp + 3 * ldc, 16))
  }
  v128.store(cp, c00)
  v128.store(cp, c01, 16)
  v128.store(cp + ldc, c10)
  v128.store(cp + ldc, c11, 16)
  v128.store(cp + 2 * ldc, c20)
  v128.store(cp + 2 * ldc, c21, 16)
  v128.store(cp + 3 * ldc, c30)
  v128.store(cp + 3 * ldc, c31, 16)
}

/**
 * Rows [i0, i1) of C = op(A)·B for a mostly-zero A: each non-zero a[i,p] adds a[i,p]·B[p,:] to
 * row i. B is row-major k×n. Skipping zeros is exact only when B has no ∞/NaN (checked by caller).
 */
export function sparseRows(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, transA: bool, i0: i32, i1: i32): void {
  const rowBytes = <usize>n << 2
  for (let i = i0; i < i1; i++) {
    const row = c + <usize>i * rowBytes
    memory.fill(row, 0, rowBytes)
    for (let p = 0; p < k; p++) {
      const av = transA ? load<f32>(a + ((<usize>p * <usize>m + <usize>i) << 2)) : load<f32>(a + ((<usize>i * <usize>k + <usize>p) << 2))
      if (av != 0) axpy(row, b + <usize>p * rowBytes, av, n)
    }
  }
}

/** y[0..n) += alpha · x[0..n). */
// @ts-ignore: decorator
@inline
function axpy(y: usize, x: usize, alpha: f32, n: i32): void {
  const va = f32x4.splat(alpha)
  let j = 0
  for (; j + 8 <= n; j += 8) {
    const o = <usize>j << 2
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(va, v128.load(x + o))))
    v128.store(y + o, f32x4.add(v128.load(y + o, 16), f32x4.mul(va, v128.load(x + o, 16))), 16)
  }
  for (; j < n; j++) {
    const o = <usize>j << 2
    store<f32>(y + o, load<f32>(y + o) + alpha * load<f32>(x + o))
  }
}

/** dst (cols×rows) = srcᵀ for a row-major rows×cols src, in 4×4 SIMD blocks. */
export function transpose(src: usize, rows: i32, cols: i32, dst: usize): void {
  const r4 = rows & ~3
  const c4 = cols & ~3
  const srcStride = <usize>cols << 2
  const dstStride = <usize>rows << 2
  for (let i = 0; i < r4; i += 4) {
    for (let j = 0; j < c4; j += 4) {
      const s = src + <usize>i * srcStride + (<usize>j << 2)
      const r0 = v128.load(s)
      const r1 = v128.load(s + srcStride)
      const r2 = v128.load(s + 2 * srcStride)
      const r3 = v128.load(s + 3 * srcStride)
      const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5)
      const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5)
      const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7)
      const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7)
      const d = dst + <usize>j * dstStride + (<usize>i << 2)
      v128.store(d, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5))
      v128.store(d + dstStride, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7))
      v128.store(d + 2 * dstStride, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5))
      v128.store(d + 3 * dstStride, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7))
    }
    for (let j = c4; j < cols; j++) {
      for (let ii = i; ii < i + 4; ii++) store<f32>(dst + <usize>j * dstStride + (<usize>ii << 2), load<f32>(src + <usize>ii * srcStride + (<usize>j << 2)))
    }
  }
  for (let i = r4; i < rows; i++) {
    for (let j = 0; j < cols; j++) store<f32>(dst + <usize>j * dstStride + (<usize>i << 2), load<f32>(src + <usize>i * srcStride + (<usize>j << 2)))
  }
}

/** Number of non-zero floats in [x, x + 4n), stopping early once it passes `limit`. */
export function countNonZeros(x: usize, n: i32, limit: i32): i32 {
  let count = 0
  const zero = f32x4.splat(0)
  let i = 0
  for (; i + 4 <= n; i += 4) {
    // ne gives −1 per non-zero lane; popcount of the 4-bit mask counts them.
    count += popcnt(i32x4.bitmask(f32x4.ne(v128.load(x + (<usize>i << 2)), zero)))
    if (count > limit) return count
  }
  for (; i < n; i++) if (load<f32>(x + (<usize>i << 2)) != 0) count++
  return count
}

/** 1 when every float in [x, x + 4n) is finite (0·∞ and 0·NaN must not be skipped). */
export function allFinite(x: usize, n: i32): bool {
  // x − x is 0 for finite x and NaN for ±∞/NaN; NaN ≠ NaN flags it.
  let bad = i32x4.splat(0)
  let i = 0
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(x + (<usize>i << 2))
    const d = f32x4.sub(v, v)
    bad = v128.or(bad, f32x4.ne(d, d))
  }
  if (v128.any_true(bad)) return false
  for (; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2))
    if (!isFinite<f32>(v)) return false
  }
  return true
}
