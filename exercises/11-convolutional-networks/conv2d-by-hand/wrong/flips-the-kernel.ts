export function conv2d(image: number[][], kernel: number[][], stride: number, padding: number): number[][] {
  const h = image.length
  const w = image[0]!.length
  const kh = kernel.length
  const kw = kernel[0]!.length
  const pixel = (row: number, col: number) => {
    const r = row - padding
    const c = col - padding
    return r < 0 || c < 0 || r >= h || c >= w ? 0 : image[r]![c]!
  }
  const out: number[][] = []
  for (let r = 0; r < Math.floor((h + 2 * padding - kh) / stride) + 1; r++) {
    const row: number[] = []
    for (let c = 0; c < Math.floor((w + 2 * padding - kw) / stride) + 1; c++) {
      let sum = 0
      for (let u = 0; u < kh; u++)
        for (let v = 0; v < kw; v++)
          sum += kernel[kh - 1 - u]![kw - 1 - v]! * pixel(r * stride + u, c * stride + v)
      row.push(sum)
    }
    out.push(row)
  }
  return out
}
