import { RNN } from '@gradschool/nn'
import { manualSeed } from '@gradschool/tensor'
import { describe, expect, it } from 'vitest'
import { parseUnrolledOptions, runUnrolled } from '../src/lib/visuals/unrolled-rnn.js'

/** Plain backpropagation through time for h' = tanh(W_ih·x + b_ih + W_hh·h + b_hh). */
function referenceRnn(inputs: number[], seed: number) {
  manualSeed(seed)
  const rnn = new RNN(1, 2)
  const named = new Map(rnn.namedParameters())
  const get = (name: string) => Array.from(named.get(name)!.data)
  const [wIh, wHh, bIh, bHh] = [get('weightIhL0'), get('weightHhL0'), get('biasIhL0'), get('biasHhL0')]
  const states: number[][] = []
  let h = [0, 0]
  for (const x of inputs) {
    h = [0, 1].map((i) =>
      Math.tanh(wIh[i]! * x + bIh[i]! + bHh[i]! + wHh[2 * i]! * h[0]! + wHh[2 * i + 1]! * h[1]!),
    )
    states.push(h)
  }
  // L = ½‖h_T‖², so ∂L/∂h_T = h_T; each step back multiplies by W_hhᵀ·diag(1 − h²).
  const gradients: number[][] = [states.at(-1)!]
  for (let t = states.length - 1; t > 0; t--) {
    const g = gradients[0]!
    const local = g.map((gi, i) => gi * (1 - states[t]![i]! ** 2))
    gradients.unshift([0, 1].map((j) => local[0]! * wHh[j]! + local[1]! * wHh[2 + j]!))
  }
  return { states, norms: gradients.map((g) => Math.hypot(...g)) }
}

describe('unrolled-rnn visual', () => {
  it('feeds a single pulse and records h_t from the nn RNN', () => {
    const run = runUnrolled(parseUnrolledOptions({ steps: 4, cell: 'rnn', showGradients: true }))
    expect(run.inputs).toEqual([1, 0, 0, 0])
    const reference = referenceRnn([1, 0, 0, 0], 0)
    run.hidden.forEach((h, t) => {
      h.forEach((v, i) => {
        expect(v).toBeCloseTo(reference.states[t]![i]!, 5)
      })
    })
  })

  it('gets ‖∂L/∂h_t‖ from autograd that matches backpropagation through time by hand', () => {
    for (const seed of [0, 1, 5]) {
      const run = runUnrolled(parseUnrolledOptions({ steps: 5, cell: 'rnn', seed }))
      const reference = referenceRnn([1, 0, 0, 0, 0], seed)
      run.gradientNorms.forEach((norm, t) => {
        expect(norm).toBeCloseTo(reference.norms[t]!, 5)
      })
    }
  })

  it('gives ‖∂L/∂h_T‖ = ‖h_T‖ at the last step for every cell, since L = ½‖h_T‖²', () => {
    for (const cell of ['rnn', 'lstm', 'gru']) {
      const run = runUnrolled(parseUnrolledOptions({ steps: 3, cell }))
      expect(run.hidden).toHaveLength(3)
      expect(run.gradientNorms.at(-1)).toBeCloseTo(Math.hypot(...run.hidden.at(-1)!), 6)
    }
  })

  it('names the problem with bad options', () => {
    expect(() => parseUnrolledOptions({ cell: 'transformer' })).toThrow(
      '"cell" must be one of rnn, lstm, gru',
    )
    expect(() => parseUnrolledOptions({ steps: 0 })).toThrow('"steps" must be a whole number from 1 to 8')
  })
})
