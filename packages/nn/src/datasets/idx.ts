/**
 * A parser for the IDX format of the MNIST files: bytes in, typed array out, no I/O, so it
 * runs in Node and in the browser alike.
 *
 * Layout (all big-endian): two zero bytes, a type code, the number of dimensions d, then d
 * 32-bit sizes, then the values in row-major order.
 */

export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64'

export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array

export interface IdxArray {
  type: IdxType
  shape: number[]
  data: IdxData
}

const TYPES: Record<number, { type: IdxType; bytes: number }> = {
  8: { type: 'uint8', bytes: 1 },
  9: { type: 'int8', bytes: 1 },
  11: { type: 'int16', bytes: 2 },
  12: { type: 'int32', bytes: 4 },
  13: { type: 'float32', bytes: 4 },
  14: { type: 'float64', bytes: 8 },
}

export class IdxFormatError extends Error {
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`${source}: ${detail}`)
    this.name = 'IdxFormatError'
  }
}

/** Parses IDX bytes; `source` (a file name) is quoted in every error. */
export function parseIdx(bytes: Uint8Array, source = 'IDX data'): IdxArray {
  const fail = (detail: string): never => {
    throw new IdxFormatError(source, detail)
  }
  if (bytes.length < 4) fail(`truncated: ${bytes.length} bytes, too short for the 4-byte IDX header`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    fail(
      `not an IDX file: the magic number must start with two zero bytes, got 0x${hex(bytes[0]!)} 0x${hex(bytes[1]!)}`,
    )
  }
  const typeCode = bytes[2]!
  const element = TYPES[typeCode] ?? fail(`unknown IDX data type code 0x${hex(typeCode)}`)
  const ndim = bytes[3]!
  if (ndim === 0) fail('IDX header declares 0 dimensions')
  const headerBytes = 4 + 4 * ndim
  if (bytes.length < headerBytes) {
    fail(
      `truncated: the header declares ${ndim} dimensions (${headerBytes} bytes) but the file has ${bytes.length} bytes`,
    )
  }
  const shape = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false))
  const count = shape.reduce((a, b) => a * b, 1)
  const expected = headerBytes + count * element.bytes
  if (bytes.length < expected) {
    fail(
      `truncated: shape [${shape.join(', ')}] of ${element.type} needs ${expected} bytes but the file has ${bytes.length}`,
    )
  }
  if (bytes.length > expected) {
    fail(
      `corrupt: shape [${shape.join(', ')}] of ${element.type} needs ${expected} bytes but the file has ${bytes.length}`,
    )
  }
  return { type: element.type, shape, data: readValues(view, headerBytes, count, element.type) }
}

function readValues(view: DataView, offset: number, count: number, type: IdxType): IdxData {
  switch (type) {
    case 'uint8':
      return new Uint8Array(view.buffer, view.byteOffset + offset, count).slice()
    case 'int8':
      return new Int8Array(view.buffer, view.byteOffset + offset, count).slice()
    case 'int16':
      return fill(new Int16Array(count), (i) => view.getInt16(offset + 2 * i, false))
    case 'int32':
      return fill(new Int32Array(count), (i) => view.getInt32(offset + 4 * i, false))
    case 'float32':
      return fill(new Float32Array(count), (i) => view.getFloat32(offset + 4 * i, false))
    case 'float64':
      return fill(new Float64Array(count), (i) => view.getFloat64(offset + 8 * i, false))
  }
}

function fill<A extends Int16Array | Int32Array | Float32Array | Float64Array>(
  out: A,
  at: (i: number) => number,
): A {
  for (let i = 0; i < out.length; i++) out[i] = at(i)
  return out
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}
