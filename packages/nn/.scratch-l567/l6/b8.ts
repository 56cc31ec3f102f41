// d/dw of (tanh(w * x) - y)^2, written by hand twice: once right, once missing a factor.
const x = 1.5
const y = 0.2
const loss = (w: number) => (Math.tanh(w * x) - y) ** 2
const rightGradient = (w: number) => {
  const a = Math.tanh(w * x)
  return 2 * (a - y) * (1 - a * a) * x
}
const buggyGradient = (w: number) => {
  const a = Math.tanh(w * x)
  return 2 * (a - y) * x // forgot tanh's local derivative
}

const w = 0.8
const h = 1e-5
const numerical = (loss(w + h) - loss(w - h)) / (2 * h)
console.log(`numerical ${numerical.toFixed(6)}`)
console.log(`right     ${rightGradient(w).toFixed(6)}`)
console.log(`buggy     ${buggyGradient(w).toFixed(6)}`)
