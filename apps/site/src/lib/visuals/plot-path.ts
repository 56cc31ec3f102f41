/** Maps data points into an SVG viewBox and writes them as a polyline `points` attribute. */
export interface PlotFrame {
  width: number
  height: number
  padding: number
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}

export function toSvgPoints(xs: ArrayLike<number>, ys: ArrayLike<number>, frame: PlotFrame): string {
  const { width, height, padding, xMin, xMax, yMin, yMax } = frame
  const sx = (width - 2 * padding) / (xMax - xMin || 1)
  const sy = (height - 2 * padding) / (yMax - yMin || 1)
  const points: string[] = []
  for (let i = 0; i < xs.length; i++) {
    const y = Math.min(yMax, Math.max(yMin, ys[i]!))
    if (!Number.isFinite(y)) continue
    points.push(
      `${(padding + (xs[i]! - xMin) * sx).toFixed(1)},${(height - padding - (y - yMin) * sy).toFixed(1)}`,
    )
  }
  return points.join(' ')
}

export function project(frame: PlotFrame, x: number, y: number): [number, number] {
  const { width, height, padding, xMin, xMax, yMin, yMax } = frame
  return [
    padding + ((x - xMin) * (width - 2 * padding)) / (xMax - xMin || 1),
    height - padding - ((y - yMin) * (height - 2 * padding)) / (yMax - yMin || 1),
  ]
}
