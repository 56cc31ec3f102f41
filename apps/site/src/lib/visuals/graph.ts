/**
 * A small undirected graph: a deterministic circle layout and rounds of mean message passing
 * (every node averages itself and its neighbours), computed as H' = D⁻¹(A + I)·H with
 * @gradschool/tensor. The page steps through the precomputed rounds.
 */
import { noGrad, type Tensor, tensor } from '@gradschool/tensor'

export interface GraphOptions {
  nodes: number
  edges: [number, number][]
  features: number[]
  showMessages: boolean
}

const where = 'graph visual'

export function parseGraphOptions(raw: Record<string, unknown>): GraphOptions {
  const nodes = raw.nodes ?? 5
  if (typeof nodes !== 'number' || !Number.isInteger(nodes) || nodes < 1 || nodes > 16)
    throw new Error(`${where}: "nodes" must be a whole number from 1 to 16, got ${JSON.stringify(nodes)}`)
  const edges = raw.edges ?? []
  if (!Array.isArray(edges)) throw new Error(`${where}: "edges" must be a list of [from, to] pairs`)
  edges.forEach((edge, i) => {
    const ok =
      Array.isArray(edge) &&
      edge.length === 2 &&
      edge.every((end) => Number.isInteger(end) && end >= 0 && end < nodes)
    if (!ok)
      throw new Error(
        `${where}: edges[${i}] must be a pair of node numbers from 0 to ${nodes - 1}, got ${JSON.stringify(edge)}`,
      )
    if (edge[0] === edge[1])
      throw new Error(
        `${where}: edges[${i}] joins node ${edge[0]} to itself; every node already counts itself`,
      )
  })
  const features = raw.features ?? Array.from({ length: nodes }, (_, i) => i)
  if (
    !Array.isArray(features) ||
    features.length !== nodes ||
    !features.every((f) => typeof f === 'number' && Number.isFinite(f))
  )
    throw new Error(
      `${where}: "features" must give one number per node (${nodes}), got ${JSON.stringify(features)}`,
    )
  return {
    nodes,
    edges: edges as [number, number][],
    features: features as number[],
    showMessages: raw.showMessages === true,
  }
}

/** Neighbour lists, each edge counted once per direction however often it is listed. */
export function neighbours(nodes: number, edges: [number, number][]): number[][] {
  const sets = Array.from({ length: nodes }, () => new Set<number>())
  for (const [a, b] of edges) {
    sets[a]!.add(b)
    sets[b]!.add(a)
  }
  return sets.map((set) => [...set].sort((p, q) => p - q))
}

/** Feature vectors after 0, 1, …, `rounds` rounds of mean message passing. */
export function messagePassingRounds(options: GraphOptions, rounds: number): number[][] {
  const lists = neighbours(options.nodes, options.edges)
  const n = options.nodes
  // Row-normalised A + I: row i holds 1/(degree + 1) on i and on each of its neighbours.
  const propagate = Array.from({ length: n }, (_, i) => {
    const row = Array.from({ length: n }, () => 0)
    const neighbourhood = [i, ...lists[i]!]
    for (const j of neighbourhood) row[j] = 1 / neighbourhood.length
    return row
  })
  return noGrad(() => {
    const p = tensor(propagate, { dtype: 'float64' })
    let h: Tensor = tensor(
      options.features.map((f) => [f]),
      { dtype: 'float64' },
    )
    const history = [options.features.slice()]
    for (let round = 0; round < rounds; round++) {
      h = p.matmul(h)
      history.push(Array.from(h.data))
    }
    return history
  })
}

/** Nodes evenly on a circle, node 0 at the top, going clockwise. */
export function circleLayout(nodes: number, centre: number, radius: number): { x: number; y: number }[] {
  return Array.from({ length: nodes }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes
    return {
      x: centre + (nodes === 1 ? 0 : radius * Math.cos(angle)),
      y: centre + (nodes === 1 ? 0 : radius * Math.sin(angle)),
    }
  })
}

/** A pale-to-deep blue for a value between `low` and `high`, with the text colour to use on it. */
export function featureColor(value: number, low: number, high: number): { fill: string; ink: string } {
  const t = high > low ? Math.min(1, Math.max(0, (value - low) / (high - low))) : 0.5
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t)
  return {
    fill: `rgb(${mix(234, 31)},${mix(240, 95)},${mix(251, 191)})`,
    ink: t > 0.55 ? '#ffffff' : '#1d1f24',
  }
}
