/** Train and test loss over steps, drawn on a canvas. */
export interface LossPoint {
  step: number
  train: number
  test: number
}

export function paintLosses(canvas: HTMLCanvasElement, history: readonly LossPoint[]): void {
  const context = canvas.getContext('2d')
  if (!context) return
  const { width, height } = canvas
  context.clearRect(0, 0, width, height)
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  if (history.length < 2) return
  const maxLoss = Math.max(...history.map((p) => Math.max(p.train, p.test)), 1e-3)
  const lastStep = history.at(-1)!.step || 1
  const pad = 6
  const line = (pick: (p: LossPoint) => number, stroke: string) => {
    context.beginPath()
    history.forEach((p, i) => {
      const x = pad + (p.step / lastStep) * (width - 2 * pad)
      const y = height - pad - (pick(p) / maxLoss) * (height - 2 * pad)
      if (i === 0) context.moveTo(x, y)
      else context.lineTo(x, y)
    })
    context.strokeStyle = stroke
    context.lineWidth = 2
    context.stroke()
  }
  line((p) => p.train, '#1d4ed8')
  line((p) => p.test, '#c2410c')
}
