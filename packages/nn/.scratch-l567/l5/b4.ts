const bce = (p: number, y: number) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p))

for (const p of [0.99, 0.9, 0.6, 0.5, 0.1, 0.01]) {
  console.log(`label 1, predicted ${p.toFixed(2)}: loss ${bce(p, 1).toFixed(3)}`)
}
