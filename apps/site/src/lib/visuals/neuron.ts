/**
 * One neuron, z = w · x + b and a = f(z), in plain numbers: the page recomputes it on every
 * slider move, so it must not pull the tensor library into the browser.
 */

export const NEURON_ACTIVATIONS = {
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  tanh: (z: number) => Math.tanh(z),
  relu: (z: number) => Math.max(0, z),
  leakyRelu: (z: number) => (z >= 0 ? z : 0.01 * z),
  identity: (z: number) => z,
} satisfies Record<string, (z: number) => number>

export type NeuronActivation = keyof typeof NEURON_ACTIVATIONS

export interface NeuronSetup {
  inputs: number[]
  weights: number[]
  bias: number
  activation: NeuronActivation
}

export interface NeuronResult {
  /** wᵢ · xᵢ for every input. */
  products: number[]
  /** The pre-activation z = Σ wᵢxᵢ + b. */
  z: number
  /** The output a = f(z). */
  output: number
}

const MAX_INPUTS = 6

/** Reads `{"inputs":3,"weights":[…],"bias":-2,"activation":"sigmoid"}`; every input starts at 1. */
export function parseNeuronOptions(raw: Record<string, unknown>): NeuronSetup {
  const given = Array.isArray(raw.weights) ? raw.weights.map(Number) : []
  const count = Math.min(
    MAX_INPUTS,
    typeof raw.inputs === 'number' && raw.inputs >= 1 ? Math.floor(raw.inputs) : given.length || 2,
  )
  // Without given weights, a fixed pattern keeps the picture the same on every build.
  const weights = Array.from({ length: count }, (_, i) => {
    const w = given[i]
    return w !== undefined && Number.isFinite(w) ? w : [0.5, -0.3, 0.8, -0.6, 0.2, -0.9][i]!
  })
  const activation = typeof raw.activation === 'string' && Object.hasOwn(NEURON_ACTIVATIONS, raw.activation)
  return {
    inputs: Array.from({ length: count }, () => 1),
    weights,
    bias: typeof raw.bias === 'number' ? raw.bias : 0,
    activation: activation ? (raw.activation as NeuronActivation) : 'sigmoid',
  }
}

export function computeNeuron(setup: NeuronSetup): NeuronResult {
  const products = setup.weights.map((w, i) => w * (setup.inputs[i] ?? 0))
  const z = products.reduce((sum, p) => sum + p, setup.bias)
  return { products, z, output: NEURON_ACTIVATIONS[setup.activation](z) }
}
