import { Tensor } from '@gradschool/tensor'

/** What metrics accept: a tensor, a typed array or a plain array of numbers. */
export type Values = Tensor | ArrayLike<number>

/** Flat numbers of a tensor or array. */
export function valuesOf(values: Values): ArrayLike<number> {
  return values instanceof Tensor ? values.data : values
}

/**
 * Class labels: a [N, C] tensor of scores or logits is reduced to its argmax per row, so
 * `accuracy(model.forward(x), y)` works directly; anything else is read as labels.
 */
export function labelsOf(values: Values, metric: string, role: string): ArrayLike<number> {
  if (values instanceof Tensor && values.ndim === 2) return values.argmax(1).data
  const labels = valuesOf(values)
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!
    if (!Number.isInteger(label))
      throw new Error(`${metric}: ${role}[${i}] = ${label} is not a class label (an integer)`)
  }
  return labels
}

/** Checks two inputs have the same number of entries. */
export function checkSameLength(metric: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new Error(`${metric}: predictions have ${a.length} entries but targets have ${b.length}`)
  }
  if (a.length === 0) throw new Error(`${metric}: cannot score empty inputs`)
}
