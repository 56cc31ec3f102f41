export interface ScalarRnn {
  wx: number
  wh: number
  b: number
  wy: number
  by: number
}

export function forecast(history: number[], steps: number, p: ScalarRnn): number[] {
  let h = 0
  const predictions: number[] = []
  // reorder:start
  for (const x of history) h = Math.tanh(p.wx * x + p.wh * h + p.b)
  for (let k = 0; k < steps; k++) {
    predictions.push(p.wy * h + p.by)
    h = Math.tanh(p.wx * predictions[k]! + p.wh * h + p.b)
  }
  // reorder:end
  return predictions
}
