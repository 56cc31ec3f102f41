import { track } from '../autograd.js'
import { type ConvGeometry, kernels } from '../backend/backend.js'
import { allocate, promote } from '../dtype.js'
import { fmtShape, TensorError } from '../errors.js'
import { Tensor } from '../tensor.js'

export type Pair = number | readonly [number, number]

export interface Conv2dOptions {
  stride?: Pair
  padding?: Pair
}

export interface Pool2dOptions {
  /** Defaults to the kernel size, as in PyTorch. */
  stride?: Pair
  padding?: Pair
}

function pair(op: string, name: string, value: Pair): [number, number] {
  const [a, b] = typeof value === 'number' ? [value, value] : value
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0) {
    throw new TensorError(
      op,
      `${name} must be a non-negative integer or a pair of them, got ${JSON.stringify(value)}`,
    )
  }
  return [a, b]
}

function geometry(
  op: string,
  input: Tensor,
  kernel: [number, number],
  stride: [number, number],
  padding: [number, number],
): ConvGeometry {
  const [, channels, height, width] = input.shape as [number, number, number, number]
  if (stride[0] === 0 || stride[1] === 0) throw new TensorError(op, 'stride must be positive')
  const outH = Math.floor((height + 2 * padding[0] - kernel[0]) / stride[0]) + 1
  const outW = Math.floor((width + 2 * padding[1] - kernel[1]) / stride[1]) + 1
  if (outH <= 0 || outW <= 0) {
    throw new TensorError(
      op,
      `kernel ${kernel[0]}x${kernel[1]} (padding ${padding[0]},${padding[1]}) does not fit input of shape ${fmtShape(input.shape)}`,
    )
  }
  return {
    channels,
    height,
    width,
    kernelH: kernel[0],
    kernelW: kernel[1],
    strideH: stride[0],
    strideW: stride[1],
    padH: padding[0],
    padW: padding[1],
    outH,
    outW,
  }
}

/** Floats of im2col columns one group of images may take: 1 MB of float32 stays in L2 (measured best). */
const COLUMN_BUDGET = 1 << 18

/**
 * 2-D convolution (cross-correlation, like PyTorch) of NCHW input with an [out, in, kh, kw]
 * weight: groups of images are unfolded with im2col side by side and multiplied by the
 * flattened weight in one product.
 */
export function conv2d(
  input: Tensor,
  weight: Tensor,
  bias?: Tensor | null,
  options: Conv2dOptions = {},
): Tensor {
  if (input.ndim !== 4)
    throw new TensorError('conv2d', `expected input of shape [N,C,H,W], got ${fmtShape(input.shape)}`)
  if (weight.ndim !== 4)
    throw new TensorError('conv2d', `expected weight of shape [out,in,kh,kw], got ${fmtShape(weight.shape)}`)
  const [batch, channels] = input.shape as [number, number]
  const [outChannels, inChannels, kh, kw] = weight.shape as [number, number, number, number]
  if (channels !== inChannels) {
    throw new TensorError(
      'conv2d',
      `input ${fmtShape(input.shape)} has ${channels} channels but weight ${fmtShape(weight.shape)} expects ${inChannels}`,
    )
  }
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outChannels)) {
    throw new TensorError('conv2d', `bias must have shape [${outChannels}], got ${fmtShape(bias.shape)}`)
  }
  const g = geometry(
    'conv2d',
    input,
    [kh, kw],
    pair('conv2d', 'stride', options.stride ?? 1),
    pair('conv2d', 'padding', options.padding ?? 0),
  )
  const dtype = promote(input.dtype, weight.dtype)
  const x = input.dtype === dtype ? input : input.to(dtype)
  const w = weight.dtype === dtype ? weight : weight.to(dtype)
  const patch = channels * kh * kw
  const plane = g.outH * g.outW
  const imageSize = channels * g.height * g.width
  const backend = kernels()
  // Images are convolved in groups: one product per group keeps the kernels busy, and the
  // group's columns (patch × group·plane) stay within a bounded scratch size.
  const group = Math.max(1, Math.min(batch, Math.floor(COLUMN_BUDGET / Math.max(1, patch * plane))))
  const groups = Array.from({ length: Math.ceil(batch / group) }, (_, i) => {
    const first = i * group
    return { first, count: Math.min(group, batch - first) }
  })
  const cols = allocate(dtype, patch * group * plane)
  const product = allocate(dtype, outChannels * group * plane)
  const out = allocate(dtype, batch * outChannels * plane)
  for (const { first, count } of groups) {
    backend.im2col(x.data, first * imageSize, g, count, cols)
    backend.matmul(w.data, cols, product, outChannels, patch, count * plane, false, false)
    // product is [outC, count, plane]; the output wants [count, outC, plane].
    const o = out.subarray(first * outChannels * plane, (first + count) * outChannels * plane)
    backend.gather(product, 0, [plane, count * plane, 1], o, [count, outChannels, plane])
  }
  if (bias) {
    for (let n = 0; n < batch; n++) {
      for (let c = 0; c < outChannels; c++) {
        const b = bias.data[c]!
        const base = (n * outChannels + c) * plane
        for (let i = base; i < base + plane; i++) out[i]! += b
      }
    }
  }
  const result = new Tensor(out, [batch, outChannels, g.outH, g.outW], dtype)
  const inputs = bias ? [input, weight, bias] : [input, weight]
  return track(result, 'conv2d', inputs, (grad) => {
    const gd = grad.data
    const gx = input.requiresGrad ? allocate(dtype, input.numel()) : null
    const gw = weight.requiresGrad ? allocate(dtype, weight.numel()) : null
    const gwPart = gw ? allocate(dtype, gw.length) : null
    const gcols = gx ? allocate(dtype, patch * group * plane) : null
    const gb = bias?.requiresGrad ? allocate(dtype, outChannels) : null
    const gbPart = gb ? allocate(dtype, outChannels) : null
    const gT = allocate(dtype, outChannels * group * plane)
    for (const { first, count } of groups) {
      // The incoming gradient of the group as [outC, count·plane], the layout of `product`.
      backend.gather(gd, first * outChannels * plane, [plane, outChannels * plane, 1], gT, [
        outChannels,
        count,
        plane,
      ])
      if (gw && gwPart) {
        backend.im2col(x.data, first * imageSize, g, count, cols)
        backend.matmul(gT, cols, gwPart, outChannels, count * plane, patch, false, true)
        for (let i = 0; i < gw.length; i++) gw[i]! += gwPart[i]!
      }
      if (gx && gcols) {
        backend.matmul(w.data, gT, gcols, patch, outChannels, count * plane, true, false)
        backend.col2im(gcols, g, count, gx, first * imageSize)
      }
      if (gb && gbPart) {
        backend.reduce('sum', gT, gbPart, outChannels, count * plane, 1)
        for (let c = 0; c < outChannels; c++) gb[c]! += gbPart[c]!
      }
    }
    const grads: (Tensor | null)[] = [
      gx ? new Tensor(gx, input.shape.slice(), dtype) : null,
      gw ? new Tensor(gw, weight.shape.slice(), dtype) : null,
    ]
    if (bias) grads.push(gb ? new Tensor(gb, [outChannels], dtype) : null)
    return grads
  })
}

export function maxPool2d(input: Tensor, kernelSize: Pair, options: Pool2dOptions = {}): Tensor {
  return pool('maxPool2d', 'max', input, kernelSize, options)
}

/** Average pooling; padded positions count as zeros (PyTorch's count_include_pad=True). */
export function avgPool2d(input: Tensor, kernelSize: Pair, options: Pool2dOptions = {}): Tensor {
  return pool('avgPool2d', 'avg', input, kernelSize, options)
}

function pool(
  name: string,
  op: 'max' | 'avg',
  input: Tensor,
  kernelSize: Pair,
  options: Pool2dOptions,
): Tensor {
  if (input.ndim !== 4)
    throw new TensorError(name, `expected input of shape [N,C,H,W], got ${fmtShape(input.shape)}`)
  const kernel = pair(name, 'kernelSize', kernelSize)
  if (kernel[0] === 0 || kernel[1] === 0) throw new TensorError(name, 'kernelSize must be positive')
  const padding = pair(name, 'padding', options.padding ?? 0)
  if (padding[0] * 2 > kernel[0] || padding[1] * 2 > kernel[1]) {
    throw new TensorError(
      name,
      `padding ${padding.join(',')} must be at most half of kernelSize ${kernel.join(',')}`,
    )
  }
  const g = geometry(name, input, kernel, pair(name, 'stride', options.stride ?? kernel), padding)
  const batch = input.shape[0]!
  const imageSize = g.channels * g.height * g.width
  const outSize = g.channels * g.outH * g.outW
  const out = allocate(input.dtype, batch * outSize)
  const argmax = op === 'max' ? new Int32Array(batch * outSize) : null
  // Pooling treats every channel of every image alike: the batch is one stack of planes, and
  // argmax indices point into the whole input.
  kernels().pool2d(op, input.data, 0, { ...g, channels: batch * g.channels }, out, 0, argmax)
  const result = new Tensor(out, [batch, g.channels, g.outH, g.outW], input.dtype)
  return track(result, name, [input], (grad) => {
    const gx = allocate(input.dtype, input.numel())
    const gd = grad.data
    if (argmax) {
      for (let i = 0; i < gd.length; i++) {
        const at = argmax[i]!
        if (at >= 0) gx[at]! += gd[i]!
      }
    } else {
      const scale = 1 / (g.kernelH * g.kernelW)
      for (let n = 0; n < batch; n++) {
        for (let c = 0; c < g.channels; c++) {
          for (let oh = 0; oh < g.outH; oh++) {
            for (let ow = 0; ow < g.outW; ow++) {
              const v = gd[n * outSize + (c * g.outH + oh) * g.outW + ow]! * scale
              for (let ki = 0; ki < g.kernelH; ki++) {
                const h = oh * g.strideH - g.padH + ki
                if (h < 0 || h >= g.height) continue
                for (let kj = 0; kj < g.kernelW; kj++) {
                  const w = ow * g.strideW - g.padW + kj
                  if (w < 0 || w >= g.width) continue
                  gx[n * imageSize + (c * g.height + h) * g.width + w]! += v
                }
              }
            }
          }
        }
      }
    }
    return [new Tensor(gx, input.shape.slice(), input.dtype)]
  })
}
