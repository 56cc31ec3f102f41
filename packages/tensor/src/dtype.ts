/** The element types a tensor can hold. `float32` is the default; `float64` exists for precise gradient checks. */
export type DType = 'float32' | 'float64' | 'int32'

export type TypedArray = Float32Array | Float64Array | Int32Array

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32']

export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'float64' || value === 'int32'
}

export function allocate(dtype: DType, length: number): TypedArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(length)
    case 'float64':
      return new Float64Array(length)
    case 'int32':
      return new Int32Array(length)
  }
}

export function dtypeOf(array: TypedArray): DType {
  if (array instanceof Float32Array) return 'float32'
  if (array instanceof Float64Array) return 'float64'
  return 'int32'
}

export function isFloating(dtype: DType): boolean {
  return dtype !== 'int32'
}

/** Result type of combining two operands, following PyTorch's promotion: float64 > float32 > int32. */
export function promote(a: DType, b: DType): DType {
  if (a === 'float64' || b === 'float64') return 'float64'
  if (a === 'float32' || b === 'float32') return 'float32'
  return 'int32'
}

/** Ops that only make sense on real numbers (exp, division, softmax…) lift integers to float32. */
export function floatingOf(dtype: DType): DType {
  return dtype === 'int32' ? 'float32' : dtype
}
