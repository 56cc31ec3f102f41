/**
 * Heat maps on canvas: the grid is evaluated in ONE batched forward pass, which gives the
 * output and every hidden neuron at once; each map is painted into a small image and scaled.
 */
import { noGrad, type Tensor, tensor } from '@gradschool/tensor'
import type { Split } from './datasets.js'
import type { Network } from './network.js'

export const GRID = 40

export function gridInputs(bounds: Split['bounds']): Tensor {
  const rows: number[][] = []
  for (let j = 0; j < GRID; j++) {
    const y = bounds.yMax - ((j + 0.5) / GRID) * (bounds.yMax - bounds.yMin)
    for (let i = 0; i < GRID; i++)
      rows.push([bounds.xMin + ((i + 0.5) / GRID) * (bounds.xMax - bounds.xMin), y])
  }
  return tensor(rows)
}

export interface GridValues {
  /** Probability of class 1 at each grid cell (row-major, top row first). */
  output: Float32Array
  /** neurons[layer][unit]: that neuron's activation at each cell. */
  neurons: Float32Array[][]
}

export function evaluateGrid(network: Network, grid: Tensor): GridValues {
  return noGrad(() => {
    const hidden: Tensor[] = []
    const probability = network.forward(grid, hidden).sigmoid()
    const neurons = hidden.map((layer) => {
      const [cells, width] = layer.shape as [number, number]
      const data = layer.contiguous().data
      return Array.from({ length: width }, (_, unit) => {
        const values = new Float32Array(cells)
        for (let c = 0; c < cells; c++) values[c] = data[c * width + unit]!
        return values
      })
    })
    return { output: Float32Array.from(probability.data), neurons }
  })
}

/** Blue for class 0, orange for class 1, pale in between; `value` is in [0, 1]. */
function color(value: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, value))
  const blue = [37, 99, 235]
  const orange = [234, 120, 20]
  const white = [250, 250, 248]
  const [from, to, s] = t < 0.5 ? [blue, white, t * 2] : [white, orange, (t - 0.5) * 2]
  return [0, 1, 2].map((k) => Math.round(from[k]! + (to[k]! - from[k]!) * s)) as [number, number, number]
}

const scratch = typeof document === 'undefined' ? undefined : document.createElement('canvas')

/** Paints values into `canvas`; `normalize` maps each neuron's own range onto the colours. */
export function paintMap(canvas: HTMLCanvasElement, values: Float32Array, normalize = false): void {
  const context = canvas.getContext('2d')
  if (!context || !scratch) return
  scratch.width = GRID
  scratch.height = GRID
  const small = scratch.getContext('2d')!
  const image = small.createImageData(GRID, GRID)
  let lo = 0
  let hi = 1
  if (normalize) {
    lo = Number.POSITIVE_INFINITY
    hi = Number.NEGATIVE_INFINITY
    for (const v of values) {
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
    if (hi - lo < 1e-6) hi = lo + 1
  }
  for (let c = 0; c < values.length; c++) {
    const [r, g, b] = color((values[c]! - lo) / (hi - lo))
    image.data.set([r, g, b, 255], c * 4)
  }
  small.putImageData(image, 0, 0)
  context.imageSmoothingEnabled = true
  context.drawImage(scratch, 0, 0, canvas.width, canvas.height)
}

export function paintPoints(canvas: HTMLCanvasElement, split: Split): void {
  const context = canvas.getContext('2d')
  if (!context) return
  const { xMin, xMax, yMin, yMax } = split.bounds
  const radius = Math.max(2.5, canvas.width / 110)
  for (const p of split.points) {
    const px = ((p.x - xMin) / (xMax - xMin)) * canvas.width
    const py = ((yMax - p.y) / (yMax - yMin)) * canvas.height
    context.beginPath()
    context.arc(px, py, radius, 0, 2 * Math.PI)
    context.fillStyle = p.label === 1 ? '#c2410c' : '#1d4ed8'
    context.fill()
    context.lineWidth = p.test ? 2 : 1
    context.strokeStyle = p.test ? '#111827' : '#ffffff'
    context.stroke()
  }
}
