/** Valid cross-correlation of a square image with a square kernel (stride 1, no padding). */
function convolve(image: number[][], kernel: number[][]): number[][] {
  const size = image.length - kernel.length + 1
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => {
      let sum = 0
      for (let u = 0; u < kernel.length; u++) {
        for (let v = 0; v < kernel.length; v++) sum += kernel[u]![v]! * image[r + u]![c + v]!
      }
      return sum
    }),
  )
}

function maxPool2x2(map: number[][]): number[][] {
  const size = Math.floor(map.length / 2)
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) =>
      Math.max(
        map[2 * r]![2 * c]!,
        map[2 * r]![2 * c + 1]!,
        map[2 * r + 1]![2 * c]!,
        map[2 * r + 1]![2 * c + 1]!,
      ),
    ),
  )
}

export function cnnScore(image: number[][], kernel: number[][], weights: number[], bias: number): number {
  // reorder:start
  const features = convolve(image, kernel)
  const activated = features.map((row) => row.map((v) => Math.max(0, v)))
  const pooled = maxPool2x2(activated)
  const flat = pooled.flat()
  const score = flat.reduce((sum, v, i) => sum + v * weights[i]!, bias)
  return score
  // reorder:end
}
