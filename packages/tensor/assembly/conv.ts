// Convolution helpers on float32: im2col / col2im for a batch of images, and pooling.
// Geometry follows ConvGeometry in src/backend/backend.ts.

/** First output index whose input index o·stride − pad + k is ≥ 0. */
// @ts-ignore: decorator
@inline
function firstValid(k: i32, stride: i32, pad: i32): i32 {
  const d = pad - k
  return d <= 0 ? 0 : (d + stride - 1) / stride
}

/** One past the last output index whose input index o·stride − pad + k is < size. */
// @ts-ignore: decorator
@inline
function endValid(k: i32, stride: i32, pad: i32, size: i32, outSize: i32): i32 {
  const t = size - 1 + pad - k
  return t < 0 ? 0 : min(outSize, t / stride + 1)
}

/**
 * Unfolds `batch` consecutive [C,H,W] images at `x` into columns [C·kh·kw, batch·outH·outW]
 * at `cols`, image n's columns starting at n·outH·outW.
 */
export function im2col(
  x: usize,
  channels: i32,
  height: i32,
  width: i32,
  kernelH: i32,
  kernelW: i32,
  strideH: i32,
  strideW: i32,
  padH: i32,
  padW: i32,
  outH: i32,
  outW: i32,
  batch: i32,
  cols: usize,
): void {
  const plane = outH * outW
  const rowStride = <usize>batch * <usize>plane
  const imageFloats = <usize>channels * <usize>height * <usize>width
  for (let n = 0; n < batch; n++) {
    const image = x + ((<usize>n * imageFloats) << 2)
    let row = 0
    for (let c = 0; c < channels; c++) {
      const channel = image + ((<usize>c * <usize>height * <usize>width) << 2)
      for (let ki = 0; ki < kernelH; ki++) {
        const ohLo = firstValid(ki, strideH, padH)
        const ohHi = max(ohLo, endValid(ki, strideH, padH, height, outH))
        for (let kj = 0; kj < kernelW; kj++, row++) {
          const owLo = firstValid(kj, strideW, padW)
          const owHi = max(owLo, endValid(kj, strideW, padW, width, outW))
          const base = cols + ((<usize>row * rowStride + <usize>n * <usize>plane) << 2)
          memory.fill(base, 0, <usize>(ohLo * outW) << 2)
          memory.fill(base + (<usize>(ohHi * outW) << 2), 0, <usize>((outH - ohHi) * outW) << 2)
          for (let oh = ohLo; oh < ohHi; oh++) {
            const o = base + (<usize>(oh * outW) << 2)
            const src = channel + (<usize>((oh * strideH - padH + ki) * width - padW + kj) << 2)
            if (owLo > 0) memory.fill(o, 0, <usize>owLo << 2)
            if (owHi < outW) memory.fill(o + (<usize>owHi << 2), 0, <usize>(outW - owHi) << 2)
            if (strideW == 1) memory.copy(o + (<usize>owLo << 2), src + (<usize>owLo << 2), <usize>(owHi - owLo) << 2)
            else {
              for (let ow = owLo; ow < owHi; ow++) {
                store<f32>(o + (<usize>ow << 2), load<f32>(src + (<usize>(ow * strideW) << 2)))
              }
            }
          }
        }
      }
    }
  }
}

/** Adds columns [C·kh·kw, batch·outH·outW] back into `batch` images at `out` (the adjoint of im2col). */
export function col2im(
  cols: usize,
  channels: i32,
  height: i32,
  width: i32,
  kernelH: i32,
  kernelW: i32,
  strideH: i32,
  strideW: i32,
  padH: i32,
  padW: i32,
  outH: i32,
  outW: i32,
  batch: i32,
  out: usize,
): void {
  const plane = outH * outW
  const rowStride = <usize>batch * <usize>plane
  const imageFloats = <usize>channels * <usize>height * <usize>width
  for (let n = 0; n < batch; n++) {
    const image = out + ((<usize>n * imageFloats) << 2)
    let row = 0
    for (let c = 0; c < channels; c++) {
      const channel = image + ((<usize>c * <usize>height * <usize>width) << 2)
      for (let ki = 0; ki < kernelH; ki++) {
        const ohLo = firstValid(ki, strideH, padH)
        const ohHi = max(ohLo, endValid(ki, strideH, padH, height, outH))
        for (let kj = 0; kj < kernelW; kj++, row++) {
          const owLo = firstValid(kj, strideW, padW)
          const owHi = max(owLo, endValid(kj, strideW, padW, width, outW))
          const base = cols + ((<usize>row * rowStride + <usize>n * <usize>plane) << 2)
          for (let oh = ohLo; oh < ohHi; oh++) {
            const o = base + (<usize>(oh * outW) << 2)
            const dst = channel + (<usize>((oh * strideH - padH + ki) * width - padW + kj) << 2)
            let ow = owLo
            if (strideW == 1) {
              for (; ow + 4 <= owHi; ow += 4) {
                const at = <usize>ow << 2
                v128.store(dst + at, f32x4.add(v128.load(dst + at), v128.load(o + at)))
              }
            }
            for (; ow < owHi; ow++) {
              const to = dst + (<usize>(ow * strideW) << 2)
              store<f32>(to, load<f32>(to) + load<f32>(o + (<usize>ow << 2)))
            }
          }
        }
      }
    }
  }
}

/**
 * Max (op 0) or average (op 1) pooling over `planes` [H,W] planes at `x` into [outH,outW]
 * planes at `out`. For max, `argmax` (when not 0) receives each winner's index within the
 * input (plane·H·W + h·W + w), as i32. A NaN wins (the last one, as PyTorch).
 */
export function pool2d(
  op: i32,
  x: usize,
  planes: i32,
  height: i32,
  width: i32,
  kernelH: i32,
  kernelW: i32,
  strideH: i32,
  strideW: i32,
  padH: i32,
  padW: i32,
  outH: i32,
  outW: i32,
  out: usize,
  argmax: usize,
): void {
  const area = <f32>(kernelH * kernelW)
  let o: usize = 0
  for (let c = 0; c < planes; c++) {
    const planeBase = c * height * width
    for (let oh = 0; oh < outH; oh++) {
      const h0 = oh * strideH - padH
      const kiLo = max(0, -h0)
      const kiHi = min(kernelH, height - h0)
      for (let ow = 0; ow < outW; ow++, o++) {
        const w0 = ow * strideW - padW
        const kjLo = max(0, -w0)
        const kjHi = min(kernelW, width - w0)
        if (op == 0) {
          let best: f32 = -Infinity
          let bestAt = -1
          for (let ki = kiLo; ki < kiHi; ki++) {
            const rowAt = planeBase + (h0 + ki) * width + w0
            for (let kj = kjLo; kj < kjHi; kj++) {
              const v = load<f32>(x + (<usize>(rowAt + kj) << 2))
              if (v > best || bestAt < 0 || v != v) {
                best = v
                bestAt = rowAt + kj
              }
            }
          }
          store<f32>(out + (o << 2), best)
          if (argmax != 0) store<i32>(argmax + (o << 2), bestAt)
        } else {
          let sum: f32 = 0
          for (let ki = kiLo; ki < kiHi; ki++) {
            const rowAt = planeBase + (h0 + ki) * width + w0
            for (let kj = kjLo; kj < kjHi; kj++) sum += load<f32>(x + (<usize>(rowAt + kj) << 2))
          }
          store<f32>(out + (o << 2), sum / area)
        }
      }
    }
  }
}
