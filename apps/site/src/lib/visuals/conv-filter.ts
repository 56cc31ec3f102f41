/**
 * A tiny grayscale picture, a kernel, and the feature map conv2d (from @gradschool/tensor)
 * makes of them, plus which input pixels each output cell looked at.
 */
import { conv2d, tensor } from '@gradschool/tensor'

export const IMAGES = ['digit-7', 'square', 'cross'] as const
export type ImageName = (typeof IMAGES)[number]

export interface ConvFilterOptions {
  image: ImageName
  size: number
  kernel: number[][]
  stride: number
  padding: number
}

const where = 'conv-filter visual'

export function parseConvFilterOptions(raw: Record<string, unknown>): ConvFilterOptions {
  const image = raw.image ?? 'digit-7'
  if (!IMAGES.includes(image as ImageName))
    throw new Error(`${where}: "image" must be one of ${IMAGES.join(', ')}, got ${JSON.stringify(image)}`)
  const whole = (field: string, fallback: number, min: number, max: number) => {
    const value = raw[field] ?? fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new Error(
        `${where}: "${field}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      )
    return value
  }
  const size = whole('size', 8, 5, 16)
  const kernel = raw.kernel ?? [
    [-1, 0, 1],
    [-1, 0, 1],
    [-1, 0, 1],
  ]
  const rows = Array.isArray(kernel) ? kernel : []
  const side = rows.length
  if (
    side < 1 ||
    side > 5 ||
    !rows.every(
      (row) =>
        Array.isArray(row) &&
        row.length === side &&
        row.every((v) => typeof v === 'number' && Number.isFinite(v)),
    )
  )
    throw new Error(
      `${where}: "kernel" must be a square grid of numbers, 1 × 1 to 5 × 5, got ${JSON.stringify(kernel)}`,
    )
  const options = {
    image: image as ImageName,
    size,
    kernel: rows as number[][],
    stride: whole('stride', 1, 1, 4),
    padding: whole('padding', 0, 0, 2),
  }
  if (size + 2 * options.padding < side)
    throw new Error(
      `${where}: a ${side} × ${side} kernel does not fit a ${size} × ${size} image with padding ${options.padding}`,
    )
  return options
}

/** Pixels in [0, 1], row by row: a "7", a hollow square or a plus sign scaled to `size`. */
export function makeImage(name: ImageName, size: number): number[][] {
  const image = Array.from({ length: size }, () => Array.from({ length: size }, () => 0))
  const set = (row: number, column: number, value = 1) => {
    if (row >= 0 && row < size && column >= 0 && column < size) image[row]![column] = value
  }
  const margin = Math.max(1, Math.round(size / 8))
  const last = size - 1 - margin
  if (name === 'square') {
    for (let i = margin; i <= last; i++) {
      set(margin, i)
      set(last, i)
      set(i, margin)
      set(i, last)
    }
  } else if (name === 'cross') {
    const middle = Math.floor(size / 2)
    for (let i = margin; i <= last; i++) {
      set(middle, i)
      set(i, middle)
    }
  } else {
    // The bar across the top, then the stroke falling from its right end to the bottom middle.
    for (let column = margin; column <= last; column++) set(margin, column)
    const top = margin + 1
    const bottom = size - 1 - margin
    const startColumn = last
    const endColumn = Math.round((size - 1) / 2) - 1
    for (let row = top; row <= bottom; row++) {
      const t = (row - top) / Math.max(1, bottom - top)
      set(row, Math.round(startColumn + (endColumn - startColumn) * t))
    }
  }
  return image
}

export interface ConvFilterResult {
  image: number[][]
  kernel: number[][]
  output: number[][]
  stride: number
  padding: number
}

export function runConvFilter(options: ConvFilterOptions): ConvFilterResult {
  const image = makeImage(options.image, options.size)
  const input = tensor([[image]], { dtype: 'float64' })
  const weight = tensor([[options.kernel]], { dtype: 'float64' })
  const result = conv2d(input, weight, null, { stride: options.stride, padding: options.padding })
  const [, , height, width] = result.shape as [number, number, number, number]
  const output = Array.from({ length: height }, (_, row) =>
    Array.from(result.data.subarray(row * width, (row + 1) * width)),
  )
  return { image, kernel: options.kernel, output, stride: options.stride, padding: options.padding }
}

/**
 * The input pixels output cell (row, column) reads, in image coordinates; pixels of the zero
 * padding fall outside 0…size − 1.
 */
export function receptiveField(
  row: number,
  column: number,
  kernelSize: number,
  stride: number,
  padding: number,
) {
  const top = row * stride - padding
  const left = column * stride - padding
  return { top, left, bottom: top + kernelSize - 1, right: left + kernelSize - 1 }
}
