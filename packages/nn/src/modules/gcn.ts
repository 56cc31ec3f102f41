import { Tensor, TensorError, zeros } from '@gradschool/tensor'
import { xavierUniform } from '../init.js'
import { expectPositiveInt, fmtShape } from './checks.js'
import { Module } from './module.js'
import { Parameter } from './parameter.js'

/**
 * A graph as undirected edges — pairs [u, v] or an int32 tensor [2, E] — or as a dense float
 * [N, N] adjacency matrix (used as given, so it may be weighted or directed).
 */
export type Graph = readonly (readonly [number, number])[] | Tensor

/**
 * D^-1/2 (A + I) D^-1/2 with D the row sums of A + I, as a constant dense [N, N] matrix.
 * Edge lists are symmetrised (each pair links both ways, repeats count once).
 */
export function normalizedAdjacency(graph: Graph, numNodes: number): Tensor {
  const a = new Float64Array(numNodes * numNodes)
  if (graph instanceof Tensor && graph.dtype !== 'int32') {
    if (graph.ndim !== 2 || graph.shape[0] !== numNodes || graph.shape[1] !== numNodes) {
      throw new TensorError(
        'GCNConv',
        `dense adjacency must be [${numNodes},${numNodes}] for ${numNodes} nodes, got ${fmtShape(graph.shape)}`,
      )
    }
    a.set(graph.data)
  } else {
    for (const [u, v] of edgePairs(graph)) {
      for (const node of [u, v]) {
        if (!Number.isInteger(node) || node < 0 || node >= numNodes) {
          throw new TensorError(
            'GCNConv',
            `edge [${u},${v}] names node ${node}, but node indices must be in 0..${numNodes - 1}`,
          )
        }
      }
      a[u * numNodes + v] = 1
      a[v * numNodes + u] = 1
    }
  }
  for (let i = 0; i < numNodes; i++) a[i * numNodes + i]! += 1
  const inverseSqrtDegree = new Float64Array(numNodes)
  for (let i = 0; i < numNodes; i++) {
    let degree = 0
    for (let j = 0; j < numNodes; j++) degree += a[i * numNodes + j]!
    inverseSqrtDegree[i] = degree > 0 ? 1 / Math.sqrt(degree) : 0
  }
  for (let i = 0; i < numNodes; i++) {
    for (let j = 0; j < numNodes; j++) a[i * numNodes + j]! *= inverseSqrtDegree[i]! * inverseSqrtDegree[j]!
  }
  return new Tensor(a, [numNodes, numNodes], 'float64')
}

function edgePairs(graph: Graph): [number, number][] {
  if (!(graph instanceof Tensor)) return graph.map((e) => [e[0], e[1]])
  if (graph.ndim !== 2 || graph.shape[0] !== 2) {
    throw new TensorError(
      'GCNConv',
      `an edge tensor must have shape [2,E] and dtype int32, got ${fmtShape(graph.shape)}`,
    )
  }
  const count = graph.shape[1]!
  return Array.from({ length: count }, (_, e) => [graph.data[e]!, graph.data[count + e]!])
}

export interface GCNConvOptions {
  bias?: boolean
}

/**
 * Graph convolution (Kipf & Welling): out = D^-1/2 (A + I) D^-1/2 · X · Wᵀ + b, for node
 * features X [N, inChannels]. Weight [out, in] is xavier uniform, bias zeros (as in PyG).
 */
export class GCNConv extends Module {
  weight: Parameter
  bias: Parameter | null

  constructor(
    readonly inChannels: number,
    readonly outChannels: number,
    options: GCNConvOptions = {},
  ) {
    super()
    expectPositiveInt('GCNConv', 'inChannels', inChannels)
    expectPositiveInt('GCNConv', 'outChannels', outChannels)
    this.weight = new Parameter(xavierUniform(zeros([outChannels, inChannels])))
    this.bias = options.bias === false ? null : new Parameter(zeros([outChannels]))
  }

  forward(x: Tensor, graph: Graph): Tensor {
    if (x.ndim !== 2 || x.shape[1] !== this.inChannels) {
      throw new TensorError(
        `GCNConv(${this.inChannels}, ${this.outChannels})`,
        `expected node features of shape [numNodes,${this.inChannels}], got ${fmtShape(x.shape)}`,
      )
    }
    const adjacency = normalizedAdjacency(graph, x.shape[0]!).to(this.weight.dtype)
    const out = adjacency.matmul(x.matmul(this.weight.t()))
    return this.bias ? out.add(this.bias) : out
  }
}
