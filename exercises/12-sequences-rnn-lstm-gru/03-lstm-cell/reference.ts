export interface LstmWeights {
  wii: number
  whi: number
  bi: number
  wif: number
  whf: number
  bf: number
  wig: number
  whg: number
  bg: number
  wio: number
  who: number
  bo: number
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v))

export function lstmStep(x: number, h: number, c: number, w: LstmWeights): [number, number] {
  const i = sigmoid(w.wii * x + w.whi * h + w.bi)
  const f = sigmoid(w.wif * x + w.whf * h + w.bf)
  const g = Math.tanh(w.wig * x + w.whg * h + w.bg)
  const o = sigmoid(w.wio * x + w.who * h + w.bo)
  const cNext = f * c + i * g
  const hNext = o * Math.tanh(cNext)
  return [hNext, cNext]
}
