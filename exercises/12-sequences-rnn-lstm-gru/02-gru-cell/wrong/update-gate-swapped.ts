export interface GruWeights {
  wir: number
  whr: number
  bir: number
  bhr: number
  wiz: number
  whz: number
  biz: number
  bhz: number
  win: number
  whn: number
  bin: number
  bhn: number
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v))

export function gruStep(x: number, h: number, w: GruWeights): number {
  const r = sigmoid(w.wir * x + w.bir + w.whr * h + w.bhr)
  const z = sigmoid(w.wiz * x + w.biz + w.whz * h + w.bhz)
  const n = Math.tanh(w.win * x + w.bin + r * (w.whn * h + w.bhn))
  return z * n + (1 - z) * h
}
