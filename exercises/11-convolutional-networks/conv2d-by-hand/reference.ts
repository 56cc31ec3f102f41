export function conv2d(image: number[][], kernel: number[][], stride: number, padding: number): number[][] {
  const height = image.length
  const width = image[0]!.length
  const kernelHeight = kernel.length
  const kernelWidth = kernel[0]!.length
  const outHeight = Math.floor((height + 2 * padding - kernelHeight) / stride) + 1
  const outWidth = Math.floor((width + 2 * padding - kernelWidth) / stride) + 1
  // A pixel of the padded image: zero outside the original.
  const pixel = (row: number, col: number): number => {
    const r = row - padding
    const c = col - padding
    return r < 0 || c < 0 || r >= height || c >= width ? 0 : image[r]![c]!
  }
  const out: number[][] = []
  for (let r = 0; r < outHeight; r++) {
    const outRow: number[] = []
    for (let c = 0; c < outWidth; c++) {
      let sum = 0
      for (let u = 0; u < kernelHeight; u++) {
        for (let v = 0; v < kernelWidth; v++) sum += kernel[u]![v]! * pixel(r * stride + u, c * stride + v)
      }
      outRow.push(sum)
    }
    out.push(outRow)
  }
  return out
}
