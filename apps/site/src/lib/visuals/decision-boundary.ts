/**
 * Trains a small MLP on a seeded toy dataset twice, plainly and with regularisation (dropout,
 * weight decay), and samples both decision boundaries on a grid. Runs at build time only: the
 * page receives the finished heat maps, never the training.
 */
import {
  Adam,
  AdamW,
  accuracy,
  circles,
  crossEntropy,
  Dropout,
  gaussians,
  Linear,
  moons,
  ReLU,
  Sequential,
  spirals,
  type TensorModule,
  type ToyData,
  xor,
} from '@gradschool/nn'
import { manualSeed, noGrad, tensor } from '@gradschool/tensor'

const DATASETS = { moons, circles, xor, spirals, gaussians } satisfies Record<
  string,
  (o: { n: number; noise: number; seed: number }) => ToyData
>

export type DatasetName = keyof typeof DATASETS

export interface Regularisation {
  dropout: number
  weightDecay: number
}

export interface DecisionBoundaryOptions {
  dataset: DatasetName
  /** Training points (the dataset's n: all classes together, as in the lesson's code). */
  n: number
  noise: number
  hidden: number[]
  steps: number
  learningRate: number
  compare: Regularisation | null
  /** Seeds: the model's initial weights, the training points, the test points. */
  seed: number
  dataSeed: number
  testSeed: number
  testN: number
}

const LIMITS = { n: 400, hiddenUnits: 128, hiddenLayers: 3, steps: 1000 }

export function parseDecisionBoundaryOptions(raw: Record<string, unknown>): DecisionBoundaryOptions {
  const where = 'decision-boundary visual'
  const dataset = raw.dataset ?? 'moons'
  if (typeof dataset !== 'string' || !Object.hasOwn(DATASETS, dataset))
    throw new Error(
      `${where}: "dataset" must be one of ${Object.keys(DATASETS).join(', ')}, got ${JSON.stringify(dataset)}`,
    )
  const integer = (field: string, fallback: number, max: number) => {
    const value = raw[field] ?? fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
      throw new Error(
        `${where}: "${field}" must be a whole number from 1 to ${max}, got ${JSON.stringify(value)}`,
      )
    return value
  }
  const hidden = raw.hidden ?? [32]
  if (
    !Array.isArray(hidden) ||
    hidden.length > LIMITS.hiddenLayers ||
    !hidden.every((h) => Number.isInteger(h) && h >= 1 && h <= LIMITS.hiddenUnits)
  )
    throw new Error(
      `${where}: "hidden" must list up to ${LIMITS.hiddenLayers} layer sizes from 1 to ${LIMITS.hiddenUnits}, got ${JSON.stringify(hidden)}`,
    )
  const noise = raw.noise ?? 0.2
  if (typeof noise !== 'number' || !(noise >= 0))
    throw new Error(`${where}: "noise" must be a number ≥ 0, got ${JSON.stringify(noise)}`)
  let compare: Regularisation | null = null
  if (raw.compare !== undefined) {
    const given = raw.compare as Record<string, unknown>
    const dropout = given.dropout ?? 0
    const weightDecay = given.weightDecay ?? 0
    if (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1))
      throw new Error(
        `${where}: "compare.dropout" must be at least 0 and below 1, got ${JSON.stringify(dropout)}`,
      )
    if (typeof weightDecay !== 'number' || !(weightDecay >= 0))
      throw new Error(
        `${where}: "compare.weightDecay" must be a number ≥ 0, got ${JSON.stringify(weightDecay)}`,
      )
    compare = { dropout, weightDecay }
  }
  return {
    dataset: dataset as DatasetName,
    n: integer('n', 100, LIMITS.n),
    noise,
    hidden: hidden as number[],
    steps: integer('steps', 150, LIMITS.steps),
    learningRate: typeof raw.learningRate === 'number' ? raw.learningRate : 0.05,
    compare,
    // The lesson trains from manualSeed(0) on moons({ seed: 1 }) and validates on seed 2.
    seed: typeof raw.seed === 'number' ? raw.seed : 0,
    dataSeed: 1,
    testSeed: 2,
    testN: 100,
  }
}

export interface Points {
  x: number[]
  y: number[]
  label: number[]
}

export interface TrainedBoundary {
  title: string
  /** probabilities[row][column][class] on the grid, row 0 at the top (largest y). */
  probabilities: number[][][]
  trainAccuracy: number
  testAccuracy: number
}

export interface DecisionBoundaries {
  classes: number
  bounds: { xMin: number; xMax: number; yMin: number; yMax: number }
  resolution: number
  train: Points
  test: Points
  panels: TrainedBoundary[]
}

function toPoints(data: ToyData): Points {
  const xy = data.x.data
  return {
    x: Array.from({ length: data.y.data.length }, (_, i) => xy[2 * i]!),
    y: Array.from({ length: data.y.data.length }, (_, i) => xy[2 * i + 1]!),
    label: Array.from(data.y.data),
  }
}

function buildModel(hidden: number[], classes: number, dropout: number): Sequential {
  const layers: TensorModule[] = []
  let width = 2
  for (const units of hidden) {
    layers.push(new Linear(width, units), new ReLU())
    if (dropout > 0) layers.push(new Dropout(dropout))
    width = units
  }
  layers.push(new Linear(width, classes))
  return new Sequential(...layers)
}

export function trainDecisionBoundaries(
  options: DecisionBoundaryOptions,
  resolution = 40,
): DecisionBoundaries {
  const make = DATASETS[options.dataset]
  const train = make({ n: options.n, noise: options.noise, seed: options.dataSeed })
  const test = make({ n: options.testN, noise: options.noise, seed: options.testSeed })
  const classes = Math.max(...train.y.data, ...test.y.data) + 1
  const trainPoints = toPoints(train)
  const testPoints = toPoints(test)
  const xs = [...trainPoints.x, ...testPoints.x]
  const ys = [...trainPoints.y, ...testPoints.y]
  const pad = 0.4
  const bounds = {
    xMin: Math.min(...xs) - pad,
    xMax: Math.max(...xs) + pad,
    yMin: Math.min(...ys) - pad,
    yMax: Math.max(...ys) + pad,
  }
  // Cell centres, row 0 at the top so rows map straight onto SVG rows.
  const grid: number[][] = []
  for (let row = 0; row < resolution; row++)
    for (let column = 0; column < resolution; column++)
      grid.push([
        bounds.xMin + ((column + 0.5) * (bounds.xMax - bounds.xMin)) / resolution,
        bounds.yMax - ((row + 0.5) * (bounds.yMax - bounds.yMin)) / resolution,
      ])
  const gridTensor = tensor(grid)

  const runs: { title: string; regularisation: Regularisation }[] = [
    { title: 'No regularisation', regularisation: { dropout: 0, weightDecay: 0 } },
  ]
  if (options.compare) {
    const { dropout, weightDecay } = options.compare
    const parts = [
      dropout > 0 ? `dropout ${dropout}` : '',
      weightDecay > 0 ? `weight decay ${weightDecay}` : '',
    ].filter(Boolean)
    runs.push({
      title: parts.length > 0 ? `With ${parts.join(' and ')}` : 'Same again',
      regularisation: options.compare,
    })
  }

  const panels = runs.map(({ title, regularisation }) => {
    manualSeed(options.seed)
    const model = buildModel(options.hidden, classes, regularisation.dropout)
    const optimizer =
      regularisation.weightDecay > 0
        ? new AdamW(model.parameters(), { lr: options.learningRate, weightDecay: regularisation.weightDecay })
        : new Adam(model.parameters(), { lr: options.learningRate })
    model.train()
    for (let step = 0; step < options.steps; step++) {
      const loss = crossEntropy(model.forward(train.x), train.y)
      optimizer.zeroGrad()
      loss.backward()
      optimizer.step()
    }
    model.eval()
    return noGrad(() => {
      const probabilities = model.forward(gridTensor).softmax(1).data
      const cells: number[][][] = []
      for (let row = 0; row < resolution; row++) {
        cells.push(
          Array.from({ length: resolution }, (_, column) => {
            const start = (row * resolution + column) * classes
            return Array.from(probabilities.subarray(start, start + classes))
          }),
        )
      }
      return {
        title,
        probabilities: cells,
        trainAccuracy: accuracy(model.forward(train.x), train.y),
        testAccuracy: accuracy(model.forward(test.x), test.y),
      }
    })
  })
  return { classes, bounds, resolution, train: trainPoints, test: testPoints, panels }
}

/** Class colours: the site's blue and amber first, then green and purple. */
export const CLASS_COLORS: [number, number, number][] = [
  [31, 95, 191],
  [180, 83, 9],
  [23, 107, 58],
  [126, 34, 206],
]

export interface HeatRun {
  x: number
  width: number
  fill: string
}

/**
 * One row of the heat map as runs of equal colour (so a 40 × 40 map is a few hundred
 * rectangles, not 1600). A cell is the colour of its most likely class, paler the less sure the
 * model is; confidence is rounded to `levels` steps so neighbouring cells merge.
 */
export function heatRow(row: number[][], levels = 6): HeatRun[] {
  const runs: HeatRun[] = []
  row.forEach((probabilities, column) => {
    let best = 0
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k
    const chance = 1 / probabilities.length
    // 0 at a coin flip, 1 when certain.
    const sureness = (probabilities[best]! - chance) / (1 - chance)
    const level = Math.round(sureness * levels) / levels
    const [r, g, b] = CLASS_COLORS[best % CLASS_COLORS.length]!
    const mix = (c: number) => Math.round(255 + (c - 255) * (0.08 + 0.42 * level))
    const fill = `rgb(${mix(r)},${mix(g)},${mix(b)})`
    const last = runs.at(-1)
    if (last && last.fill === fill) last.width++
    else runs.push({ x: column, width: 1, fill })
  })
  return runs
}
