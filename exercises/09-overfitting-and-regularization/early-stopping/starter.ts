export function earlyStopping(valLosses: number[], patience: number): [number, number] {
  let best = Number.POSITIVE_INFINITY
  let bestEpoch = -1
  let waited = 0
  for (let epoch = 0; epoch < valLosses.length; epoch++) {
    if (___improved___) {
      best = valLosses[epoch]!
      bestEpoch = epoch
      waited = 0
    } else {
      waited++
      if (___stop___) return [bestEpoch, epoch]
    }
  }
  return [bestEpoch, valLosses.length - 1]
}
