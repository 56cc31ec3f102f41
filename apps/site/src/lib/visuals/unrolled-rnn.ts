/**
 * A seeded tiny recurrent network from @gradschool/nn run one step at a time, so every hidden
 * state h_t is its own tensor; backward from a loss on the last state then gives ‖∂L/∂h_t‖, the
 * gradient that reaches each step through all the later ones (backpropagation through time).
 */
import { GRU, LSTM, RNN } from '@gradschool/nn'
import { manualSeed, type Tensor, tensor, zeros } from '@gradschool/tensor'

export const CELLS = ['rnn', 'lstm', 'gru'] as const
export type CellName = (typeof CELLS)[number]

export interface UnrolledOptions {
  steps: number
  cell: CellName
  showGradients: boolean
  hiddenSize: number
  seed: number
}

const where = 'unrolled-rnn visual'

export function parseUnrolledOptions(raw: Record<string, unknown>): UnrolledOptions {
  const steps = raw.steps ?? 4
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > 8)
    throw new Error(`${where}: "steps" must be a whole number from 1 to 8, got ${JSON.stringify(steps)}`)
  const cell = raw.cell ?? 'rnn'
  if (!CELLS.includes(cell as CellName))
    throw new Error(`${where}: "cell" must be one of ${CELLS.join(', ')}, got ${JSON.stringify(cell)}`)
  return {
    steps,
    cell: cell as CellName,
    showGradients: raw.showGradients === true,
    hiddenSize: 2,
    seed: typeof raw.seed === 'number' ? raw.seed : 0,
  }
}

export interface UnrolledRun {
  /** The input at each step: a single pulse at t = 1, as in the lesson's memory example. */
  inputs: number[]
  /** h_t for t = 1…steps (hiddenSize numbers each). */
  hidden: number[][]
  /** ‖∂L/∂h_t‖ for t = 1…steps, with L = ½‖h_T‖². */
  gradientNorms: number[]
}

export function runUnrolled(options: UnrolledOptions): UnrolledRun {
  manualSeed(options.seed)
  const { hiddenSize } = options
  const module =
    options.cell === 'lstm'
      ? new LSTM(1, hiddenSize)
      : options.cell === 'gru'
        ? new GRU(1, hiddenSize)
        : new RNN(1, hiddenSize)
  const inputs = Array.from({ length: options.steps }, (_, t) => (t === 0 ? 1 : 0))
  const states: Tensor[] = []
  let h: Tensor = zeros([1, hiddenSize])
  let c: Tensor = zeros([1, hiddenSize])
  for (const x of inputs) {
    const step = tensor([[x]])
    if (module instanceof LSTM) {
      ;[, [h, c]] = module.forward(step, [h, c])
    } else {
      ;[, h] = (module as RNN | GRU).forward(step, h)
    }
    h.retainGrad()
    states.push(h)
  }
  const last = states.at(-1)!
  last.square().sum().mul(0.5).backward()
  return {
    inputs,
    hidden: states.map((state) => Array.from(state.data)),
    gradientNorms: states.map((state) => Math.hypot(...(state.grad?.data ?? []))),
  }
}
