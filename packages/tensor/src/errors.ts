/** Every user-facing failure of the tensor library: the message names the op and the shapes involved. */
export class TensorError extends Error {
  constructor(op: string, message: string) {
    super(`${op}: ${message}`)
    this.name = 'TensorError'
  }
}

export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`
}
