import { Tensor } from '@gradschool/tensor'

/**
 * Zachary's karate club (W. W. Zachary, "An Information Flow Model for Conflict and Fission in
 * Small Groups", Journal of Anthropological Research 33, 1977): 34 members, 78 friendships,
 * and the faction each member joined when the club split. Nodes are numbered 0..33 (Zachary's
 * 1..34 minus one); node 0 is the instructor ("Mr. Hi"), node 33 the administrator.
 */

/** The 78 undirected edges, each once with the smaller node first. */
// biome-ignore format: ten edges a line keeps the table readable
export const KARATE_EDGES: readonly (readonly [number, number])[] = [
  [0, 1], [0, 2], [0, 3], [0, 4], [0, 5], [0, 6], [0, 7], [0, 8], [0, 10], [0, 11],
  [0, 12], [0, 13], [0, 17], [0, 19], [0, 21], [0, 31], [1, 2], [1, 3], [1, 7], [1, 13],
  [1, 17], [1, 19], [1, 21], [1, 30], [2, 3], [2, 7], [2, 8], [2, 9], [2, 13], [2, 27],
  [2, 28], [2, 32], [3, 7], [3, 12], [3, 13], [4, 6], [4, 10], [5, 6], [5, 10], [5, 16],
  [6, 16], [8, 30], [8, 32], [8, 33], [9, 33], [13, 33], [14, 32], [14, 33], [15, 32], [15, 33],
  [18, 32], [18, 33], [19, 33], [20, 32], [20, 33], [22, 32], [22, 33], [23, 25], [23, 27], [23, 29],
  [23, 32], [23, 33], [24, 25], [24, 27], [24, 31], [25, 31], [26, 29], [26, 33], [27, 33], [28, 31],
  [28, 33], [29, 32], [29, 33], [30, 32], [30, 33], [31, 32], [31, 33], [32, 33],
]

/** Members who sided with the instructor (faction 0); everyone else followed the administrator (1). */
const INSTRUCTOR_FACTION = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21])

export const KARATE_NODES = 34

export interface KarateClub {
  /** Node features: float32 [34, 34] identity, or [34, 1] degrees. */
  x: Tensor
  /** int32 [34]: 0 = instructor's faction, 1 = administrator's faction. */
  y: Tensor
  /** int32 [2, 156]: every edge in both directions (source row, target row), for message passing. */
  edgeIndex: Tensor
  /** The 78 undirected edges as pairs. */
  edges: readonly (readonly [number, number])[]
}

export function karateClub(options: { features?: 'identity' | 'degree' } = {}): KarateClub {
  const { features = 'identity' } = options
  const y = Int32Array.from({ length: KARATE_NODES }, (_, v) => (INSTRUCTOR_FACTION.has(v) ? 0 : 1))
  let x: Tensor
  if (features === 'identity') {
    const eye = new Float32Array(KARATE_NODES * KARATE_NODES)
    for (let v = 0; v < KARATE_NODES; v++) eye[v * KARATE_NODES + v] = 1
    x = new Tensor(eye, [KARATE_NODES, KARATE_NODES], 'float32')
  } else if (features === 'degree') {
    x = new Tensor(Float32Array.from(degrees(KARATE_EDGES, KARATE_NODES)), [KARATE_NODES, 1], 'float32')
  } else {
    throw new Error(`karateClub: features must be 'identity' or 'degree', got '${features}'`)
  }
  const source = new Int32Array(2 * KARATE_EDGES.length)
  const target = new Int32Array(2 * KARATE_EDGES.length)
  KARATE_EDGES.forEach(([a, b], e) => {
    source[2 * e] = a
    target[2 * e] = b
    source[2 * e + 1] = b
    target[2 * e + 1] = a
  })
  const edgeIndex = new Int32Array(4 * KARATE_EDGES.length)
  edgeIndex.set(source)
  edgeIndex.set(target, source.length)
  return {
    x,
    y: new Tensor(y, [KARATE_NODES], 'int32'),
    edgeIndex: new Tensor(edgeIndex, [2, source.length], 'int32'),
    edges: KARATE_EDGES,
  }
}

/** Dense symmetric float32 [n, n] adjacency matrix of an undirected edge list (optionally with self-loops). */
export function adjacencyMatrix(
  edges: readonly (readonly [number, number])[],
  n: number,
  options: { selfLoops?: boolean } = {},
): Tensor {
  const a = new Float32Array(n * n)
  for (const [u, v] of edges) {
    if (u < 0 || v < 0 || u >= n || v >= n)
      throw new Error(`adjacencyMatrix: edge [${u}, ${v}] has a node outside 0..${n - 1}`)
    a[u * n + v] = 1
    a[v * n + u] = 1
  }
  if (options.selfLoops) for (let v = 0; v < n; v++) a[v * n + v] = 1
  return new Tensor(a, [n, n], 'float32')
}

/** Number of edges touching each node. */
export function degrees(edges: readonly (readonly [number, number])[], n: number): number[] {
  const d = new Array<number>(n).fill(0)
  for (const [u, v] of edges) {
    d[u]!++
    d[v]!++
  }
  return d
}
