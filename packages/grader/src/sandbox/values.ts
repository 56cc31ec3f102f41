/**
 * Plain data as it crosses the sandbox boundary, and its wire encoding (JSON with `$` tags for
 * undefined, non-finite numbers, -0, tensors and objects). Host side only: the sandbox half of
 * the encoding lives in harness.ts.
 */

/** A tensor snapshot: values copied out of the sandbox (or out of a host tensor). */
export class TensorValue {
  constructor(
    readonly dtype: string,
    readonly shape: readonly number[],
    readonly data: readonly number[],
  ) {}
}

/** A value the sandbox returned that is not plain data (a function, a class instance…). */
export class UnsupportedValue {
  constructor(readonly what: string) {}
}

export type PlainValue =
  | number
  | string
  | boolean
  | null
  | undefined
  | PlainValue[]
  | { readonly [key: string]: PlainValue }
  | TensorValue
  | UnsupportedValue

interface HostTensorLike {
  shape: ArrayLike<number>
  data: ArrayLike<number>
  dtype: string
}

function isHostTensor(value: object): value is HostTensorLike {
  const candidate = value as Partial<HostTensorLike>
  return (
    Array.isArray(candidate.shape) &&
    ArrayBuffer.isView(candidate.data) &&
    typeof candidate.dtype === 'string'
  )
}

/** Encodes host values (spec arguments) for the sandbox; host tensors are recognised by shape. */
export function encodeForSandbox(value: unknown): string {
  return JSON.stringify(toWire(value, 0))
}

function toWire(value: unknown, depth: number): unknown {
  if (depth > 64) throw new Error('argument nested more than 64 levels deep')
  if (value === undefined) return { $: 'undefined' }
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0) ? value : { $: 'number', v: numberText(value) }
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof TensorValue) {
    return { $: 'tensor', dtype: value.dtype, shape: [...value.shape], data: value.data.map(numberText) }
  }
  if (typeof value === 'object') {
    if (Array.isArray(value)) return value.map((item) => toWire(item, depth + 1))
    if (isHostTensor(value)) {
      return {
        $: 'tensor',
        dtype: value.dtype,
        shape: Array.from(value.shape),
        data: Array.from(value.data, numberText),
      }
    }
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = toWire(item, depth + 1)
    return { $: 'object', v: out }
  }
  throw new Error(`cannot pass ${typeof value} values into the sandbox`)
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n)
}

/** Decodes the harness's encoding of a result into host values (never trusting its shape). */
export function decodeFromSandbox(text: string): PlainValue {
  return fromWire(JSON.parse(text) as unknown)
}

function fromWire(value: unknown): PlainValue {
  if (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  ) {
    return value
  }
  if (Array.isArray(value)) return value.map(fromWire)
  if (typeof value !== 'object') return new UnsupportedValue('an unknown value')
  const tagged = value as Record<string, unknown>
  switch (tagged.$) {
    case 'undefined':
      return undefined
    case 'number':
      return Number(tagged.v)
    case 'tensor': {
      const shape = Array.isArray(tagged.shape) ? tagged.shape.map(Number) : []
      const data = Array.isArray(tagged.data) ? tagged.data.map(Number) : []
      return new TensorValue(String(tagged.dtype), shape, data)
    }
    case 'object': {
      const out: Record<string, PlainValue> = Object.create(null)
      const fields = tagged.v && typeof tagged.v === 'object' ? (tagged.v as Record<string, unknown>) : {}
      for (const key of Object.keys(fields)) {
        Object.defineProperty(out, key, { value: fromWire(fields[key]), enumerable: true, writable: true })
      }
      return out
    }
    case 'unsupported':
      return new UnsupportedValue(String(tagged.what))
    default:
      return new UnsupportedValue('an unknown value')
  }
}
