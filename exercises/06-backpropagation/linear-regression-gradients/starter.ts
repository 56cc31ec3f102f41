export function mseGradients(xs: number[], ys: number[], w: number, b: number): { w: number; b: number } {
  // Your code here: ∂L/∂w and ∂L/∂b of the mean squared error of w·x + b.
  throw new Error('mseGradients is not implemented yet')
}
