export function conv2d(image: number[][], kernel: number[][], stride: number, padding: number): number[][] {
  // Your code here: slide the kernel over the zero-padded image.
  throw new Error('conv2d is not implemented yet')
}
