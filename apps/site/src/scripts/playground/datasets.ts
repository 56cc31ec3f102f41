/** The 2-D toy sets, seeded, from @gradschool/nn, as binary tasks split into train and test. */
import { circles, gaussians, moons, spirals, xor } from '@gradschool/nn'
import { type Tensor, tensor } from '@gradschool/tensor'

export const DATASETS = {
  xor: (seed: number, noise: number) => xor({ n: 240, seed, noise: 0.25 * noise }),
  circles: (seed: number, noise: number) => circles({ n: 240, seed, noise: 0.1 * noise }),
  moons: (seed: number, noise: number) => moons({ n: 240, seed, noise: 0.15 * noise }),
  spirals: (seed: number, noise: number) => spirals({ n: 300, seed, noise: 0.2 * noise }),
  gaussians: (seed: number, noise: number) => gaussians({ n: 240, seed, classes: 2, noise: 0.6 * noise }),
} as const

export type DatasetName = keyof typeof DATASETS

export interface Split {
  trainX: Tensor
  trainY: Tensor
  testX: Tensor
  testY: Tensor
  /** Plain copies for drawing: [x, y, label]. */
  points: { x: number; y: number; label: number; test: boolean }[]
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number }
}

/** Three quarters to train on, the rest held out (the sets come shuffled). */
export function makeSplit(name: DatasetName, seed = 0, noise = 1): Split {
  const { x, y } = DATASETS[name](seed, noise)
  const n = y.shape[0]!
  const xs = x.data
  const labels = y.data
  const trainCount = Math.round(n * 0.75)
  const points = Array.from({ length: n }, (_, i) => ({
    x: xs[2 * i]!,
    y: xs[2 * i + 1]!,
    label: labels[i]!,
    test: i >= trainCount,
  }))
  const rows = (from: number, to: number) => points.slice(from, to).map((p) => [p.x, p.y])
  const targets = (from: number, to: number) => points.slice(from, to).map((p) => [p.label])
  let xMin = Number.POSITIVE_INFINITY
  let xMax = Number.NEGATIVE_INFINITY
  let yMin = Number.POSITIVE_INFINITY
  let yMax = Number.NEGATIVE_INFINITY
  for (const p of points) {
    xMin = Math.min(xMin, p.x)
    xMax = Math.max(xMax, p.x)
    yMin = Math.min(yMin, p.y)
    yMax = Math.max(yMax, p.y)
  }
  const pad = 0.15 * Math.max(xMax - xMin, yMax - yMin)
  return {
    trainX: tensor(rows(0, trainCount)),
    trainY: tensor(targets(0, trainCount)),
    testX: tensor(rows(trainCount, n)),
    testY: tensor(targets(trainCount, n)),
    points,
    bounds: { xMin: xMin - pad, xMax: xMax + pad, yMin: yMin - pad, yMax: yMax + pad },
  }
}
