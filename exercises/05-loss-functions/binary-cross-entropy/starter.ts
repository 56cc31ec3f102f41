export function binaryCrossEntropy(probabilities: number[], labels: number[]): number {
  // Your code here: the mean over the examples of −[y·log(p) + (1 − y)·log(1 − p)].
  throw new Error('binaryCrossEntropy is not implemented yet')
}
