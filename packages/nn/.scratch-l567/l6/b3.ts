const f = (a: number, b: number, c: number) => (a * b + c) ** 2
const h = 1e-6
const base = f(2, -3, 10)
console.log(`nudging a: ${((f(2 + h, -3, 10) - base) / h).toFixed(3)}`)
console.log(`nudging b: ${((f(2, -3 + h, 10) - base) / h).toFixed(3)}`)
console.log(`nudging c: ${((f(2, -3, 10 + h) - base) / h).toFixed(3)}`)
