export function positionalEncoding(position: number, dModel: number): number[] {
  const row: number[] = []
  for (let i = 0; i < dModel; i++) {
    const pair = ___pair___
    const exponent = ___exponent___
    const angle = position / 10000 ** exponent
    row.push(___value___)
  }
  return row
}
