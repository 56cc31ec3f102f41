import { tensor } from '@gradschool/tensor'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeNeuron, NEURON_ACTIVATIONS, parseNeuronOptions } from '../src/lib/visuals/neuron.js'

const lesson = { inputs: 3, weights: [0.6, -0.4, 0.3], bias: -2, activation: 'sigmoid' }

describe('neuron visual', () => {
  it('starts every input at 1 and keeps the lesson weights', () => {
    expect(parseNeuronOptions(lesson)).toEqual({
      inputs: [1, 1, 1],
      weights: [0.6, -0.4, 0.3],
      bias: -2,
      activation: 'sigmoid',
    })
  })

  it('computes the lesson neuron: z = 0.6 − 0.4 + 0.3 − 2 = −1.5, σ(−1.5) = 0.1824', () => {
    const result = computeNeuron(parseNeuronOptions(lesson))
    expect(result.products).toEqual([0.6, -0.4, 0.3])
    expect(result.z).toBeCloseTo(-1.5, 12)
    expect(result.output).toBeCloseTo(1 / (1 + Math.exp(1.5)), 12)
    expect(result.output).toBeCloseTo(0.182426, 6)
  })

  it('follows the inputs: ratings 10, 2, 5 give z = 6 − 0.8 + 1.5 − 2 = 4.7 and σ(4.7) ≈ 0.9910', () => {
    const setup = { ...parseNeuronOptions(lesson), inputs: [10, 2, 5] }
    const result = computeNeuron(setup)
    expect(result.z).toBeCloseTo(4.7, 12)
    expect(result.output).toBeCloseTo(0.990987, 6)
  })

  it('applies relu, tanh and the identity', () => {
    const setup = parseNeuronOptions({ ...lesson, activation: 'relu' })
    expect(computeNeuron(setup).output).toBe(0)
    expect(computeNeuron({ ...setup, activation: 'identity' }).output).toBeCloseTo(-1.5, 12)
    expect(computeNeuron({ ...setup, activation: 'tanh', bias: 0, inputs: [0, 0, 0] }).output).toBe(0)
  })

  it('agrees with the tensor library’s activations', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (z) => {
        const t = tensor([z], { dtype: 'float64' })
        expect(NEURON_ACTIVATIONS.sigmoid(z)).toBeCloseTo(t.sigmoid().item(), 12)
        expect(NEURON_ACTIVATIONS.tanh(z)).toBeCloseTo(t.tanh().item(), 12)
        expect(NEURON_ACTIVATIONS.relu(z)).toBe(t.relu().item())
        expect(NEURON_ACTIVATIONS.leakyRelu(z)).toBeCloseTo(t.leakyRelu().item(), 12)
      }),
    )
  })

  it('fills missing weights and falls back to sigmoid for an unknown activation', () => {
    const setup = parseNeuronOptions({ inputs: 2, activation: 'swish' })
    expect(setup.weights).toHaveLength(2)
    expect(setup.activation).toBe('sigmoid')
    expect(setup.bias).toBe(0)
  })
})
