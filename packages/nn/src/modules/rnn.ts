import { stack, type Tensor, TensorError, zeros } from '@gradschool/tensor'
import { uniform } from '../init.js'
import { expectPositiveInt, expectProbability, fmtShape } from './checks.js'
import { dropout } from './dropout.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

export interface RNNOptions {
  numLayers?: number
  bias?: boolean
  /** Input and output as [batch, time, features] instead of [time, batch, features]. */
  batchFirst?: boolean
  /** Dropout on the outputs of every layer but the last (train mode only). */
  dropout?: number
}

type Cell = 'rnnTanh' | 'rnnRelu' | 'lstm' | 'gru'

const GATES: Record<Cell, number> = { rnnTanh: 1, rnnRelu: 1, lstm: 4, gru: 3 }

/**
 * Shared machinery of RNN, LSTM and GRU. Layer l has parameters `weightIhL{l}` [G·H, in],
 * `weightHhL{l}` [G·H, H], `biasIhL{l}`, `biasHhL{l}` [G·H] (PyTorch's names in camelCase,
 * same gate order), all initialised U(±1/√hiddenSize).
 */
abstract class RecurrentBase extends Module {
  readonly numLayers: number
  readonly bias: boolean
  readonly batchFirst: boolean
  readonly dropout: number

  constructor(
    private readonly cell: Cell,
    readonly inputSize: number,
    readonly hiddenSize: number,
    options: RNNOptions,
  ) {
    super()
    const name = this.constructor.name
    expectPositiveInt(name, 'inputSize', inputSize)
    expectPositiveInt(name, 'hiddenSize', hiddenSize)
    this.numLayers = options.numLayers ?? 1
    expectPositiveInt(name, 'numLayers', this.numLayers)
    this.bias = options.bias ?? true
    this.batchFirst = options.batchFirst ?? false
    this.dropout = options.dropout ?? 0
    expectProbability(name, 'dropout', this.dropout)
    const rows = GATES[cell] * hiddenSize
    const bound = 1 / Math.sqrt(hiddenSize)
    const init = (shape: number[]) => new Parameter(uniform(zeros(shape), -bound, bound))
    for (let l = 0; l < this.numLayers; l++) {
      this.register(`weightIhL${l}`, init([rows, l === 0 ? inputSize : hiddenSize]))
      this.register(`weightHhL${l}`, init([rows, hiddenSize]))
      if (this.bias) {
        this.register(`biasIhL${l}`, init([rows]))
        this.register(`biasHhL${l}`, init([rows]))
      }
    }
  }

  /** Brings input to [T, N, in]; remembers whether it was unbatched. */
  protected prepareInput(x: Tensor): { input: Tensor; unbatched: boolean } {
    const name = this.constructor.name
    const layout = this.batchFirst ? '[N,T,inputSize]' : '[T,N,inputSize]'
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[x.ndim - 1] !== this.inputSize) {
      throw new TensorError(
        `${name}(${this.inputSize}, ${this.hiddenSize})`,
        `expected input of shape ${layout} (or [T,inputSize] unbatched) with inputSize ${this.inputSize}, got ${fmtShape(x.shape)}`,
      )
    }
    if (x.ndim === 2) return { input: x.unsqueeze(1), unbatched: true }
    return { input: this.batchFirst ? x.transpose(0, 1) : x, unbatched: false }
  }

  /** Checks or creates an initial state of shape [numLayers, N, H] (or [numLayers, H] unbatched). */
  protected initialState(state: Tensor | undefined, batch: number, unbatched: boolean, what: string): Tensor {
    const dtype = this.parameterNamed('weightIhL0').dtype
    if (state === undefined) return zeros([this.numLayers, batch, this.hiddenSize], { dtype })
    const expected = unbatched ? [this.numLayers, this.hiddenSize] : [this.numLayers, batch, this.hiddenSize]
    if (state.ndim !== expected.length || state.shape.some((d, i) => d !== expected[i])) {
      throw new TensorError(
        this.constructor.name,
        `expected ${what} of shape ${fmtShape(expected)}, got ${fmtShape(state.shape)}`,
      )
    }
    return unbatched ? state.unsqueeze(1) : state
  }

  protected finishOutput(output: Tensor, unbatched: boolean): Tensor {
    if (unbatched) return output.squeeze(1)
    return this.batchFirst ? output.transpose(0, 1) : output
  }

  protected finishState(state: Tensor, unbatched: boolean): Tensor {
    return unbatched ? state.squeeze(1) : state
  }

  /**
   * Runs every layer over the sequence. `h0`/`c0` are [numLayers, N, H]; returns the last
   * layer's outputs [T, N, H] and the final h (and c) of every layer.
   */
  protected run(
    input: Tensor,
    h0: Tensor,
    c0: Tensor | null,
  ): { output: Tensor; h: Tensor; c: Tensor | null } {
    const steps = input.shape[0]!
    const batch = input.shape[1]!
    const H = this.hiddenSize
    const finalH: Tensor[] = []
    const finalC: Tensor[] = []
    let layerInput = input
    for (let l = 0; l < this.numLayers; l++) {
      const wIh = this.parameterNamed(`weightIhL${l}`)
      const wHhT = this.parameterNamed(`weightHhL${l}`).t()
      const bIh = this.bias ? this.parameterNamed(`biasIhL${l}`) : null
      const bHh = this.bias ? this.parameterNamed(`biasHhL${l}`) : null
      // The input projection of all time steps at once: one big matmul instead of T small ones.
      let projected = layerInput.reshape([steps * batch, layerInput.shape[2]!]).matmul(wIh.t())
      if (bIh) projected = projected.add(bIh)
      const perStep = projected.reshape([steps, batch, -1]).split(1, 0)
      let h = h0.select(0, l)
      let c = c0 ? c0.select(0, l) : null
      const outputs: Tensor[] = []
      for (let t = 0; t < steps; t++) {
        const gi = perStep[t]!.reshape([batch, -1])
        let gh = h.matmul(wHhT)
        if (bHh) gh = gh.add(bHh)
        if (this.cell === 'lstm') {
          const gates = gi.add(gh)
          const i = gates.narrow(1, 0, H).sigmoid()
          const f = gates.narrow(1, H, H).sigmoid()
          const g = gates.narrow(1, 2 * H, H).tanh()
          const o = gates.narrow(1, 3 * H, H).sigmoid()
          c = f.mul(c!).add(i.mul(g))
          h = o.mul(c.tanh())
        } else if (this.cell === 'gru') {
          const r = gi
            .narrow(1, 0, H)
            .add(gh.narrow(1, 0, H))
            .sigmoid()
          const z = gi
            .narrow(1, H, H)
            .add(gh.narrow(1, H, H))
            .sigmoid()
          const n = gi
            .narrow(1, 2 * H, H)
            .add(r.mul(gh.narrow(1, 2 * H, H)))
            .tanh()
          // h' = (1 - z)·n + z·h, written as n + z·(h - n)
          h = n.add(z.mul(h.sub(n)))
        } else {
          const pre = gi.add(gh)
          h = this.cell === 'rnnTanh' ? pre.tanh() : pre.relu()
        }
        outputs.push(h)
      }
      finalH.push(h)
      if (c) finalC.push(c)
      layerInput = stack(outputs, 0)
      if (l < this.numLayers - 1) layerInput = dropout(layerInput, this.dropout, this.training)
    }
    return { output: layerInput, h: stack(finalH, 0), c: c0 ? stack(finalC, 0) : null }
  }
}

export interface ElmanOptions extends RNNOptions {
  nonlinearity?: 'tanh' | 'relu'
}

/** Elman RNN: h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh). Returns [output, hN]. */
export class RNN extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, options: ElmanOptions = {}) {
    super(options.nonlinearity === 'relu' ? 'rnnRelu' : 'rnnTanh', inputSize, hiddenSize, options)
  }

  forward(x: Tensor, h0?: Tensor): [Tensor, Tensor] {
    const { input, unbatched } = this.prepareInput(x)
    const h = this.initialState(h0, input.shape[1]!, unbatched, 'h0')
    const result = this.run(input, h, null)
    return [this.finishOutput(result.output, unbatched), this.finishState(result.h, unbatched)]
  }
}

/**
 * LSTM with PyTorch's gate order (input, forget, cell, output):
 * c' = f·c + i·g, h' = o·tanh(c'). Returns [output, [hN, cN]].
 */
export class LSTM extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, options: RNNOptions = {}) {
    super('lstm', inputSize, hiddenSize, options)
  }

  forward(x: Tensor, hx?: [Tensor, Tensor]): [Tensor, [Tensor, Tensor]] {
    const { input, unbatched } = this.prepareInput(x)
    const batch = input.shape[1]!
    const h = this.initialState(hx?.[0], batch, unbatched, 'h0')
    const c = this.initialState(hx?.[1], batch, unbatched, 'c0')
    const result = this.run(input, h, c)
    return [
      this.finishOutput(result.output, unbatched),
      [this.finishState(result.h, unbatched), this.finishState(result.c!, unbatched)],
    ]
  }
}

/**
 * GRU with PyTorch's gate order (reset, update, new):
 * n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)), h' = (1 − z)·n + z·h. Returns [output, hN].
 */
export class GRU extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, options: RNNOptions = {}) {
    super('gru', inputSize, hiddenSize, options)
  }

  forward(x: Tensor, h0?: Tensor): [Tensor, Tensor] {
    const { input, unbatched } = this.prepareInput(x)
    const h = this.initialState(h0, input.shape[1]!, unbatched, 'h0')
    const result = this.run(input, h, null)
    return [this.finishOutput(result.output, unbatched), this.finishState(result.h, unbatched)]
  }
}
