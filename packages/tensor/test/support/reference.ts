/**
 * Plain-loop reference implementations, written independently of the library (no tensor ops),
 * to compare the optimised kernels against.
 */
import { expect } from 'vitest'
import type { Tensor } from '../../src/index.js'
import { type Shape, type Spec, sizeOf } from './arbitraries.js'

/** Row-major offset of a multi-index. */
function offsetOf(index: readonly number[], shape: Shape): number {
  let at = 0
  for (let d = 0; d < shape.length; d++) at = at * shape[d]! + index[d]!
  return at
}

/** Every multi-index of a shape in row-major order. */
export function* indices(shape: Shape): Generator<number[]> {
  const n = sizeOf(shape)
  const index = new Array<number>(shape.length).fill(0)
  for (let i = 0; i < n; i++) {
    yield index.slice()
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d]! < shape[d]!) break
      index[d] = 0
    }
  }
}

/** Reads `spec` at an index of the broadcast shape `target` (right-aligned, size-1 dims repeat). */
function readBroadcast(spec: Spec, target: Shape, index: readonly number[]): number {
  const lead = target.length - spec.shape.length
  const own = spec.shape.map((size, d) => (size === 1 ? 0 : index[d + lead]!))
  return spec.values[offsetOf(own, spec.shape)]!
}

/** torch.matmul by definition: 1-D operands become a row/column, batch dims broadcast. */
export function naiveMatmul(a: Spec, b: Spec): Spec {
  const aShape = a.shape.length === 1 ? [1, a.shape[0]!] : a.shape
  const bShape = b.shape.length === 1 ? [b.shape[0]!, 1] : b.shape
  const m = aShape[aShape.length - 2]!
  const k = aShape[aShape.length - 1]!
  const n = bShape[bShape.length - 1]!
  const aBatch = aShape.slice(0, -2)
  const bBatch = bShape.slice(0, -2)
  const rank = Math.max(aBatch.length, bBatch.length)
  const batch: number[] = []
  for (let d = 0; d < rank; d++) {
    const x = aBatch[d - (rank - aBatch.length)] ?? 1
    const y = bBatch[d - (rank - bBatch.length)] ?? 1
    batch.push(Math.max(x, y))
  }
  const values: number[] = []
  const aFull = { shape: [...aBatch, m, k], values: a.values }
  const bFull = { shape: [...bBatch, k, n], values: b.values }
  for (const bi of indices(batch)) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0
        for (let p = 0; p < k; p++) {
          s +=
            readBroadcast(aFull, [...batch, m, k], [...bi, i, p]) *
            readBroadcast(bFull, [...batch, k, n], [...bi, p, j])
        }
        values.push(s)
      }
    }
  }
  const shape = [...batch]
  if (a.shape.length > 1) shape.push(m)
  if (b.shape.length > 1) shape.push(n)
  return { shape, values }
}

/** Direct (non-im2col) cross-correlation of NCHW input with [out, in, kh, kw] weight. */
export function naiveConv2d(
  x: Spec,
  w: Spec,
  bias: Spec | null,
  stride: [number, number],
  padding: [number, number],
): Spec {
  const [batch, channels, height, width] = x.shape as [number, number, number, number]
  const [outC, , kh, kw] = w.shape as [number, number, number, number]
  const outH = Math.floor((height + 2 * padding[0] - kh) / stride[0]) + 1
  const outW = Math.floor((width + 2 * padding[1] - kw) / stride[1]) + 1
  const values: number[] = []
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < outC; o++) {
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          let s = bias ? bias.values[o]! : 0
          for (let c = 0; c < channels; c++) {
            for (let ki = 0; ki < kh; ki++) {
              for (let kj = 0; kj < kw; kj++) {
                const h = i * stride[0] - padding[0] + ki
                const v = j * stride[1] - padding[1] + kj
                if (h < 0 || h >= height || v < 0 || v >= width) continue
                s += x.values[offsetOf([n, c, h, v], x.shape)]! * w.values[offsetOf([o, c, ki, kj], w.shape)]!
              }
            }
          }
          values.push(s)
        }
      }
    }
  }
  return { shape: [batch, outC, outH, outW], values }
}

/** Max or average pooling by definition; padded cells are skipped for max and count as 0 for avg. */
export function naivePool2d(op: 'max' | 'avg', x: Spec, k: number, stride: number, padding: number): Spec {
  const [batch, channels, height, width] = x.shape as [number, number, number, number]
  const outH = Math.floor((height + 2 * padding - k) / stride) + 1
  const outW = Math.floor((width + 2 * padding - k) / stride) + 1
  const values: number[] = []
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < channels; c++) {
      for (let i = 0; i < outH; i++) {
        for (let j = 0; j < outW; j++) {
          const window: number[] = []
          for (let ki = 0; ki < k; ki++) {
            for (let kj = 0; kj < k; kj++) {
              const h = i * stride - padding + ki
              const v = j * stride - padding + kj
              if (h >= 0 && h < height && v >= 0 && v < width)
                window.push(x.values[offsetOf([n, c, h, v], x.shape)]!)
            }
          }
          values.push(op === 'max' ? Math.max(...window) : window.reduce((a, b) => a + b, 0) / (k * k))
        }
      }
    }
  }
  return { shape: [batch, channels, outH, outW], values }
}

/** Asserts shape equality and elementwise closeness: |a - e| <= atol + rtol·|e|. */
export function expectClose(actual: Tensor, expected: Spec | Tensor, atol = 1e-9, rtol = 1e-9): void {
  const expectedShape = expected.shape
  const expectedValues = 'values' in expected ? expected.values : Array.from(expected.data)
  expect(actual.shape).toEqual(expectedShape)
  const got = Array.from(actual.data)
  expect(got.length).toBe(expectedValues.length)
  got.forEach((v, i) => {
    const e = expectedValues[i]!
    if (!(Math.abs(v - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(
        `element ${i} of shape [${actual.shape}]: got ${v}, expected ${e} (atol ${atol}, rtol ${rtol})`,
      )
    }
  })
}

/** Exact equality of shape and values. */
export function expectSame(actual: Tensor, expected: Tensor): void {
  expect(actual.shape).toEqual(expected.shape)
  expect(Array.from(actual.data)).toEqual(Array.from(expected.data))
}
