/**
 * Per-example losses as functions of the error e = prediction − target, evaluated with the
 * @gradschool/nn loss functions themselves (reduction 'none'), so the plot shows what they compute.
 */
import { bceLoss, l1Loss, mseLoss } from '@gradschool/nn'
import { linspace, type Tensor, tensor, where, zerosLike } from '@gradschool/tensor'

export interface LossDefinition {
  label: string
  formula: string
  /** Losses at each error; NaN where the loss is not defined for that error. */
  evaluate: (errors: number[]) => number[]
}

const HUBER_DELTA = 1

const asTensor = (values: number[]) => tensor(values, { dtype: 'float64' })

export const LOSS_DEFINITIONS = {
  mse: {
    label: 'squared error (MSE)',
    formula: 'e²',
    evaluate: (errors) => {
      const e = asTensor(errors)
      return Array.from(mseLoss(e, zerosLike(e), { reduction: 'none' }).data)
    },
  },
  mae: {
    label: 'absolute error (MAE)',
    formula: '|e|',
    evaluate: (errors) => {
      const e = asTensor(errors)
      return Array.from(l1Loss(e, zerosLike(e), { reduction: 'none' }).data)
    },
  },
  huber: {
    label: `Huber (δ = ${HUBER_DELTA})`,
    formula: '½e² near 0, |e| − ½ beyond',
    evaluate: (errors) => {
      const e = asTensor(errors)
      const quadratic: Tensor = e.square().mul(0.5)
      const linear: Tensor = e
        .abs()
        .sub(0.5 * HUBER_DELTA)
        .mul(HUBER_DELTA)
      return Array.from(where(e.abs().le(HUBER_DELTA), quadratic, linear).data)
    },
  },
  bce: {
    label: 'binary cross-entropy',
    formula: '−log(1 − |e|), for a probability and a 0/1 target',
    evaluate: (errors) => {
      // Target 1 and probability 1 − |e|: BCE is defined only while |e| < 1.
      const inside = errors.map((e) => Math.abs(e) < 1)
      const p = asTensor(errors.map((e, i) => (inside[i] ? 1 - Math.abs(e) : 1)))
      const losses = bceLoss(p, asTensor(errors.map(() => 1)), { reduction: 'none' }).data
      return Array.from(losses, (loss, i) => (inside[i] ? loss : Number.NaN))
    },
  },
} satisfies Record<string, LossDefinition>

export type LossName = keyof typeof LOSS_DEFINITIONS

export function isComparableLoss(name: unknown): name is LossName {
  return typeof name === 'string' && Object.hasOwn(LOSS_DEFINITIONS, name)
}

export interface LossComparison {
  range: [number, number]
  errors: number[]
  curves: { name: LossName; label: string; formula: string; values: number[] }[]
  /** Top of the plot: the largest finite value of the bounded losses, so BCE's climb is clipped. */
  yMax: number
}

/** Reads `{"losses":["mse","mae"],"range":[-3,3]}`; unknown names are reported, not ignored. */
export function parseLossCompareOptions(raw: Record<string, unknown>): {
  losses: LossName[]
  range: [number, number]
} {
  const names = Array.isArray(raw.losses) ? raw.losses : ['mse', 'mae']
  const unknown = names.filter((name) => !isComparableLoss(name))
  if (unknown.length > 0)
    throw new Error(
      `loss-compare visual: unknown loss ${JSON.stringify(unknown[0])} in "losses"; use ${Object.keys(LOSS_DEFINITIONS).join(', ')}`,
    )
  let range: [number, number] = [-3, 3]
  if (raw.range !== undefined) {
    const [low, high] = Array.isArray(raw.range) ? raw.range.map(Number) : []
    if (low === undefined || high === undefined || !(low < high))
      throw new Error(
        `loss-compare visual: "range" must be [low, high] with low < high, got ${JSON.stringify(raw.range)}`,
      )
    range = [low, high]
  }
  return { losses: names as LossName[], range }
}

export function compareLosses(losses: LossName[], range: [number, number], samples = 121): LossComparison {
  const errors = Array.from(linspace(range[0], range[1], samples, { dtype: 'float64' }).data)
  const curves = losses.map((name) => {
    const { label, formula, evaluate } = LOSS_DEFINITIONS[name]
    return { name, label, formula, values: evaluate(errors) }
  })
  const bounded = curves.filter((curve) => curve.name !== 'bce').flatMap((curve) => curve.values)
  const yMax = bounded.length > 0 ? Math.max(...bounded) : 4
  return { range, errors, curves, yMax: yMax > 0 ? yMax : 1 }
}
