type Matrix = number[][]

function layerNorm(x: Matrix): Matrix {
  return x.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length
    return row.map((value) => (value - mean) / Math.sqrt(variance + 1e-5))
  })
}

function selfAttention(x: Matrix): Matrix {
  const d = x[0]!.length
  return x.map((query) => {
    const scores = x.map((key) => key.reduce((sum, value, c) => sum + value * query[c]!, 0) / Math.sqrt(d))
    const top = Math.max(...scores)
    const exps = scores.map((s) => Math.exp(s - top))
    const total = exps.reduce((a, b) => a + b, 0)
    return query.map((_, c) => exps.reduce((sum, e, j) => sum + (e / total) * x[j]![c]!, 0))
  })
}

function matmul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0]!.map((_, c) => row.reduce((sum, value, k) => sum + value * b[k]![c]!, 0)))
}

function feedForward(x: Matrix, w1: Matrix, w2: Matrix): Matrix {
  return matmul(
    matmul(x, w1).map((row) => row.map((value) => Math.max(0, value))),
    w2,
  )
}

function add(a: Matrix, b: Matrix): Matrix {
  return a.map((row, i) => row.map((value, c) => value + b[i]![c]!))
}

export function encoderBlock(x: Matrix, w1: Matrix, w2: Matrix): Matrix {
  let h = x
  // reorder:start
  const attended = selfAttention(layerNorm(h))
  h = add(h, attended)
  const fed = feedForward(layerNorm(h), w1, w2)
  h = add(h, fed)
  return h
  // reorder:end
}
