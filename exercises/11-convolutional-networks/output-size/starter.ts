export function convOutputSize(n: number, kernel: number, stride: number, padding: number): number {
  return ___rounding___((___padded___ - kernel) / stride) + 1
}
