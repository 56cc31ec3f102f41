import { type DType, type Tensor, TensorError } from '@gradschool/tensor'

/** One saved tensor. `data` is row-major; JSON writes NaN and ±Infinity as null, read back as NaN. */
export interface SavedTensor {
  shape: number[]
  dtype: DType
  data: (number | null)[]
}

/** A module's parameters and buffers by dotted name, as plain JSON-serialisable data. */
export type StateDict = Record<string, SavedTensor>

export function saveState(entries: readonly [string, Tensor][]): StateDict {
  const state: StateDict = {}
  for (const [name, t] of entries)
    state[name] = { shape: t.shape.slice(), dtype: t.dtype, data: Array.from(t.data) }
  return state
}

const fmt = (shape: readonly unknown[]): string => `[${shape.join(',')}]`

/** Validates everything first, then copies: a failed load leaves the module untouched. */
export function loadState(owner: string, entries: readonly [string, Tensor][], state: StateDict): void {
  const op = `${owner}.loadStateDict`
  if (state === null || typeof state !== 'object' || Array.isArray(state)) {
    throw new TensorError(op, 'expected an object mapping names to { shape, data }, as made by stateDict()')
  }
  const expected = new Map(entries)
  const missing = entries.map((e) => e[0]).filter((name) => !(name in state))
  const unexpected = Object.keys(state).filter((name) => !expected.has(name))
  const problems: string[] = []
  if (missing.length > 0) problems.push(`missing keys: ${missing.join(', ')}`)
  if (unexpected.length > 0) problems.push(`unexpected keys: ${unexpected.join(', ')}`)
  for (const [name, target] of entries) {
    const saved = state[name]
    if (saved === undefined) continue
    const problem = checkSaved(saved, target)
    if (problem) problems.push(`${name}: ${problem}`)
  }
  if (problems.length > 0) throw new TensorError(op, problems.join('; '))
  for (const [name, target] of entries) {
    const data = state[name]!.data
    const out = target.data
    for (let i = 0; i < out.length; i++) out[i] = data[i] ?? Number.NaN
  }
}

function checkSaved(saved: SavedTensor, target: Tensor): string | null {
  if (
    saved === null ||
    typeof saved !== 'object' ||
    !Array.isArray(saved.shape) ||
    !Array.isArray(saved.data)
  ) {
    return 'expected { shape: number[], data: number[] }'
  }
  const sameShape =
    saved.shape.length === target.shape.length && saved.shape.every((d, i) => d === target.shape[i])
  if (!sameShape)
    return `shape mismatch: the saved tensor has shape ${fmt(saved.shape)} but the model has ${fmt(target.shape)}`
  if (saved.data.length !== target.numel()) {
    return `data has ${saved.data.length} values but shape ${fmt(saved.shape)} needs ${target.numel()}`
  }
  const bad = saved.data.findIndex((v) => v !== null && typeof v !== 'number')
  if (bad >= 0) return `data[${bad}] is ${JSON.stringify(saved.data[bad])}, expected a number`
  return null
}
