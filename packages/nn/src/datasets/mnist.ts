import { Tensor } from '@gradschool/tensor'
import { type IdxArray, IdxFormatError, parseIdx } from './idx.js'

export interface MnistOptions {
  /** 'flat' gives images as [N, 784] (default); 'image' as [N, 1, 28, 28] for convolutions. */
  shape?: 'flat' | 'image'
  /** Keep only the first `limit` samples (for quick runs and tests). */
  limit?: number
}

export interface Mnist {
  /** float32 pixels scaled to [0, 1]. */
  images: Tensor
  /** int32 digits 0..9. */
  labels: Tensor
}

/**
 * Builds MNIST tensors from the bytes of an images file and a labels file (both IDX); pure, so
 * it runs in the browser with bytes from `fetch`. `names` are quoted in errors.
 */
export function mnistFromIdx(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  options: MnistOptions & { names?: { images: string; labels: string } } = {},
): Mnist {
  const names = options.names ?? { images: 'MNIST images', labels: 'MNIST labels' }
  const images = parseIdx(imageBytes, names.images)
  const labels = parseIdx(labelBytes, names.labels)
  expectShape(images, 3, names.images, 'images [N, rows, columns]')
  expectShape(labels, 1, names.labels, 'labels [N]')
  const [count, rows, columns] = images.shape as [number, number, number]
  if (labels.shape[0] !== count) {
    throw new IdxFormatError(
      names.labels,
      `has ${labels.shape[0]} labels but ${names.images} has ${count} images`,
    )
  }
  const n = options.limit === undefined ? count : Math.min(count, checkLimit(options.limit))
  const pixels = rows * columns
  const imageData = new Float32Array(n * pixels)
  for (let i = 0; i < imageData.length; i++) imageData[i] = images.data[i]! / 255
  const labelData = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const label = labels.data[i]!
    if (label > 9) throw new IdxFormatError(names.labels, `label ${i} is ${label}, but MNIST digits are 0..9`)
    labelData[i] = label
  }
  const imageShape = options.shape === 'image' ? [n, 1, rows, columns] : [n, pixels]
  return { images: new Tensor(imageData, imageShape, 'float32'), labels: new Tensor(labelData, [n], 'int32') }
}

function expectShape(array: IdxArray, ndim: number, source: string, what: string): void {
  if (array.type !== 'uint8' || array.shape.length !== ndim) {
    throw new IdxFormatError(
      source,
      `expected uint8 ${what}, got ${array.type} with shape [${array.shape.join(', ')}] — is this the right file?`,
    )
  }
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0)
    throw new Error(`mnist: limit must be a non-negative integer, got ${limit}`)
  return limit
}
