export function earlyStopping(valLosses: number[], patience: number): [number, number] {
  let best = Number.POSITIVE_INFINITY
  let bestEpoch = -1
  let waited = 0
  for (let epoch = 0; epoch < valLosses.length; epoch++) {
    if (valLosses[epoch]! < best) {
      best = valLosses[epoch]!
      bestEpoch = epoch
      waited = 0
    } else {
      waited++
      if (waited >= patience) return [bestEpoch, epoch]
    }
  }
  return [bestEpoch, valLosses.length - 1]
}
