export function attention(q: number[][], k: number[][], v: number[][]): number[][] {
  // Scores q·kᵀ/√d, a softmax over the keys for each query, then the weighted sum of the rows of v.
  throw new Error('attention is not implemented yet')
}
