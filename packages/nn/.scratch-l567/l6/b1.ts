const f = (x: number) => x * x

const x = 3
for (const h of [1, 0.1, 0.001]) {
  const change = f(x + h) - f(x)
  console.log(`nudge ${h}: f changes by ${change.toFixed(6)}, ratio ${(change / h).toFixed(4)}`)
}
