export function conv2d(image: number[][], kernel: number[][], stride: number, padding: number): number[][] {
  const h = image.length
  const w = image[0]!.length
  const kh = kernel.length
  const kw = kernel[0]!.length
  const out: number[][] = []
  for (let r = 0; r < Math.floor((h - kh) / stride) + 1; r++) {
    const row: number[] = []
    for (let c = 0; c < Math.floor((w - kw) / stride) + 1; c++) {
      let sum = 0
      for (let u = 0; u < kh; u++)
        for (let v = 0; v < kw; v++) sum += kernel[u]![v]! * image[r * stride + u]![c * stride + v]!
      row.push(sum)
    }
    out.push(row)
  }
  return out
}
