/**
 * A small fully connected network with seeded weights, run forward on one input with
 * @gradschool/tensor; the visualizer draws every neuron's value layer by layer.
 */
import { manualSeed, noGrad, randn, type Tensor, tensor } from '@gradschool/tensor'
import { ACTIVATIONS, isActivationName } from './activation-curves.js'

export interface ForwardPassOptions {
  layers: number[]
  input: number[]
  activation: keyof typeof ACTIVATIONS
  seed: number
  /** Given weights (weights[l][j][i]) and biases (biases[l][j]); random when left out. */
  weights?: number[][][]
  biases?: number[][]
}

export interface ForwardPass {
  /** Values of every neuron, layer by layer (layer 0 is the input). */
  activations: number[][]
  /** weights[l][j][i]: from neuron i of layer l to neuron j of layer l + 1. */
  weights: number[][][]
  biases: number[][]
  activation: string
}

export function forwardPassOptions(raw: Record<string, unknown>): ForwardPassOptions {
  const layers = Array.isArray(raw.layers) && raw.layers.length >= 2 ? raw.layers.map(Number) : [2, 3, 1]
  const inputSize = layers[0]!
  const input = Array.isArray(raw.input)
    ? raw.input.map(Number)
    : Array.from({ length: inputSize }, (_, i) => (i + 1) / inputSize)
  return {
    layers,
    input: Array.from({ length: inputSize }, (_, i) => input[i] ?? 0),
    activation: isActivationName(raw.activation) ? raw.activation : 'sigmoid',
    seed: typeof raw.seed === 'number' ? raw.seed : 1,
  }
}

export function runForwardPass(options: ForwardPassOptions): ForwardPass {
  manualSeed(options.seed)
  return noGrad(() => {
    let x: Tensor = tensor([options.input])
    const activations = [options.input]
    const weights: number[][][] = []
    const biases: number[][] = []
    for (let l = 1; l < options.layers.length; l++) {
      const fanIn = options.layers[l - 1]!
      const given = options.weights?.[l - 1]
      const w = given ? tensor(given) : randn([options.layers[l]!, fanIn]).mul(1 / Math.sqrt(fanIn))
      const b = options.biases?.[l - 1]
        ? tensor(options.biases[l - 1]!)
        : randn([options.layers[l]!]).mul(0.1)
      x = ACTIVATIONS[options.activation](x.matmul(w.t()).add(b))
      weights.push(w.toArray() as number[][])
      biases.push(Array.from(b.data))
      activations.push(Array.from(x.data))
    }
    return { activations, weights, biases, activation: options.activation }
  })
}
