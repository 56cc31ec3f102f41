const mse = (p: number[], t: number[]) => p.reduce((sum, pi, i) => sum + (pi - t[i]!) ** 2, 0) / p.length
const mae = (p: number[], t: number[]) => p.reduce((sum, pi, i) => sum + Math.abs(pi - t[i]!), 0) / p.length

const targets = [10, 12, 11, 13, 12]
const steady = [11, 13, 12, 14, 13] // every prediction 1 too high
const oneMiss = [10, 12, 11, 13, 17] // perfect, except one prediction 5 too high

console.log(`steady:   MSE ${mse(steady, targets).toFixed(2)}  MAE ${mae(steady, targets).toFixed(2)}`)
console.log(`one miss: MSE ${mse(oneMiss, targets).toFixed(2)}  MAE ${mae(oneMiss, targets).toFixed(2)}`)
