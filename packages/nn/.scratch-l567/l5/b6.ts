const scores = [2.0, 1.0, -1.0] // one score per class: cat, dog, bird
const target = 0 // the right answer is "cat"

const exps = scores.map((s) => Math.exp(s))
const total = exps.reduce((a, b) => a + b, 0)
const probabilities = exps.map((e) => e / total)
console.log(probabilities.map((p) => p.toFixed(4)).join(' '))
console.log(`loss ${(-Math.log(probabilities[target]!)).toFixed(4)}`)
