export function positionalEncoding(position: number, dModel: number): number[] {
  const row: number[] = []
  for (let i = 0; i < dModel; i++) {
    const pair = Math.floor(i / 2)
    const exponent = (2 * pair) / dModel
    const angle = position / 10000 ** exponent
    row.push(i % 2 === 0 ? Math.sin(angle) : Math.cos(angle))
  }
  return row
}
