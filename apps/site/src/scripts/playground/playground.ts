/**
 * The playground loop: a few SGD steps per animation frame, then one batched pass over the grid
 * to repaint the decision boundary and every neuron's map, and the loss curves.
 */
import { type DatasetName, makeSplit, type Split } from './datasets.js'
import { evaluateGrid, GRID, gridInputs, paintMap, paintPoints } from './heatmap.js'
import { type LossPoint, paintLosses } from './loss-chart.js'
import { type ActivationName, Network } from './network.js'

const FRAME_BUDGET_MS = 10
const MAX_STEPS_PER_FRAME = 20

interface Settings {
  dataset: DatasetName
  layers: number
  neurons: number
  activation: ActivationName
  learningRate: number
  batchSize: number
  l2: number
}

export function startPlayground(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-settings]')!
  const boundary = root.querySelector<HTMLCanvasElement>('canvas[data-boundary]')!
  const lossCanvas = root.querySelector<HTMLCanvasElement>('canvas[data-losses]')!
  const neuronsEl = root.querySelector<HTMLElement>('[data-neurons]')!
  const playButton = root.querySelector<HTMLButtonElement>('[data-action="play"]')!
  const stats = root.querySelector<HTMLElement>('[data-stats]')!
  const fpsEl = root.querySelector<HTMLElement>('[data-fps]')!

  let split: Split
  let network: Network
  let grid = gridInputs({ xMin: -1, xMax: 1, yMin: -1, yMax: 1 })
  let history: LossPoint[] = []
  let step = 0
  let playing = false
  let frame = 0
  let neuronCanvases: HTMLCanvasElement[][] = []
  let random = 1
  const frameTimes: number[] = []

  const settings = (): Settings => {
    const data = new FormData(form)
    return {
      dataset: data.get('dataset') as DatasetName,
      layers: Number(data.get('layers')),
      neurons: Number(data.get('neurons')),
      activation: data.get('activation') as ActivationName,
      learningRate: Number(data.get('learningRate')),
      batchSize: Number(data.get('batchSize')),
      l2: Number(data.get('l2')),
    }
  }

  // mulberry32: a seeded generator, so a run replays the same mini-batches after Reset.
  const nextIndex = (n: number) => {
    random = (random + 0x6d2b79f5) | 0
    let t = Math.imul(random ^ (random >>> 15), 1 | random)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }

  const buildNeuronMaps = (hidden: number[]) => {
    neuronsEl.replaceChildren()
    neuronCanvases = hidden.map((width, layer) => {
      const row = document.createElement('div')
      row.className = 'neuron-row'
      const label = document.createElement('span')
      label.textContent = `hidden ${layer + 1}`
      row.append(label)
      const canvases = Array.from({ length: width }, (_, unit) => {
        const canvas = document.createElement('canvas')
        canvas.width = GRID
        canvas.height = GRID
        canvas.setAttribute('role', 'img')
        canvas.setAttribute('aria-label', `What neuron ${unit + 1} of hidden layer ${layer + 1} responds to`)
        row.append(canvas)
        return canvas
      })
      neuronsEl.append(row)
      return canvases
    })
  }

  const record = () => {
    history.push({
      step,
      train: network.evaluate(split.trainX, split.trainY),
      test: network.evaluate(split.testX, split.testY),
    })
    if (history.length > 400) history = history.filter((_, i) => i % 2 === 0 || i === history.length - 1)
  }

  const draw = () => {
    const values = evaluateGrid(network, grid)
    paintMap(boundary, values.output)
    paintPoints(boundary, split)
    values.neurons.forEach((layer, l) => {
      layer.forEach((map, u) => {
        paintMap(neuronCanvases[l]![u]!, map, true)
      })
    })
    paintLosses(lossCanvas, history)
    const last = history.at(-1)
    if (last) {
      stats.textContent = `step ${step} · train loss ${last.train.toFixed(4)} · test loss ${last.test.toFixed(4)}`
      root.dataset.step = String(step)
      root.dataset.trainLoss = String(last.train)
      root.dataset.testLoss = String(last.test)
    }
  }

  const trainOne = (batchSize: number) => {
    const n = split.trainY.shape[0]!
    if (batchSize >= n) network.step(split.trainX, split.trainY)
    else {
      const rows = Array.from({ length: batchSize }, () => nextIndex(n))
      network.step(split.trainX.indexSelect(0, rows), split.trainY.indexSelect(0, rows))
    }
    step += 1
  }

  const reset = () => {
    const s = settings()
    split = makeSplit(s.dataset)
    grid = gridInputs(split.bounds)
    const hidden = Array.from({ length: s.layers }, () => s.neurons)
    network = new Network({
      hidden,
      activation: s.activation,
      learningRate: s.learningRate,
      l2: s.l2,
      seed: 1,
    })
    random = 1
    step = 0
    history = []
    buildNeuronMaps(hidden)
    record()
    draw()
  }

  const loop = (now: number) => {
    if (!playing) return
    frameTimes.push(now)
    while (frameTimes.length > 0 && now - frameTimes[0]! > 1000) frameTimes.shift()
    fpsEl.textContent = `${frameTimes.length} frames/s`
    root.dataset.fps = String(frameTimes.length)
    const start = performance.now()
    const { batchSize } = settings()
    let steps = 0
    // Train as many steps as fit the frame budget, so slow machines still animate smoothly.
    while (steps < MAX_STEPS_PER_FRAME && (steps === 0 || performance.now() - start < FRAME_BUDGET_MS)) {
      trainOne(batchSize)
      steps += 1
    }
    record()
    draw()
    frame = requestAnimationFrame(loop)
  }

  const setPlaying = (value: boolean) => {
    playing = value
    playButton.textContent = value ? 'Pause' : 'Play'
    playButton.setAttribute('aria-pressed', String(value))
    cancelAnimationFrame(frame)
    if (value) frame = requestAnimationFrame(loop)
  }

  playButton.addEventListener('click', () => setPlaying(!playing))
  root.querySelector('[data-action="step"]')?.addEventListener('click', () => {
    setPlaying(false)
    trainOne(settings().batchSize)
    record()
    draw()
  })
  root.querySelector('[data-action="reset"]')?.addEventListener('click', () => {
    setPlaying(false)
    reset()
  })
  form.addEventListener('change', () => {
    const wasPlaying = playing
    setPlaying(false)
    reset()
    if (wasPlaying) setPlaying(true)
  })
  form.addEventListener('submit', (event) => event.preventDefault())
  reset()
}
