interface Param {
  value: number
  grad: number
}

function backward(param: Param, xs: number[], ys: number[]): void {
  for (let i = 0; i < xs.length; i++) {
    param.grad += (2 * (param.value * xs[i]! - ys[i]!) * xs[i]!) / xs.length
  }
}

export function trainSlope(xs: number[], ys: number[], steps: number): number {
  const lr = 0.03
  const param: Param = { value: 0, grad: 0 }
  for (let step = 0; step < steps; step++) {
    backward(param, xs, ys)
    param.grad = 0
    param.value -= lr * param.grad
  }
  return param.value
}
