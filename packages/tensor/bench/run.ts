/**
 * `pnpm bench` for @gradschool/tensor: gradschool and TensorFlow.js (cpu and wasm backends)
 * side by side in one run. Writes bench/results/tensor.md and tensor.json with ratios.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import * as gs from '../src/index.js'
import { fmt, markdownTable, measure } from './harness.js'

const here = dirname(fileURLToPath(import.meta.url))
const quick = process.argv.includes('--quick')
const minSeconds = quick ? 0.1 : 0.4

type Engine = 'gradschool' | 'tfjs-cpu' | 'tfjs-wasm'
interface Row {
  work: string
  unit: string
  higherIsBetter: boolean
  values: Partial<Record<Engine, number>>
}
const rows: Row[] = []

async function useTf(backend: 'cpu' | 'wasm'): Promise<void> {
  await tf.setBackend(backend)
  await tf.ready()
}

// ── matmul ────────────────────────────────────────────────────────────────────
for (const n of [64, 256, 512]) {
  const flop = 2 * n * n * n
  const row: Row = { work: `matmul ${n}²`, unit: 'GFLOP/s', higherIsBetter: true, values: {} }
  gs.manualSeed(1)
  const a = gs.randn(n, n)
  const b = gs.randn(n, n)
  row.values.gradschool = flop / measure(() => a.matmul(b), { minSeconds }).seconds / 1e9
  for (const backend of ['cpu', 'wasm'] as const) {
    await useTf(backend)
    const ta = tf.randomNormal([n, n])
    const tb = tf.randomNormal([n, n])
    row.values[`tfjs-${backend}`] =
      flop /
      measure(
        () => {
          const c = tf.matMul(ta, tb)
          c.dataSync()
          c.dispose()
        },
        { minSeconds },
      ).seconds /
      1e9
    ta.dispose()
    tb.dispose()
  }
  rows.push(row)
}

// ── XOR 2-4-1 training step (forward + backward + SGD update) ──────────────────
function gradschoolXor(): { step: () => void } {
  gs.manualSeed(0)
  const x = gs.tensor([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ])
  const y = gs.tensor([[0], [1], [1], [0]])
  const w1 = gs.randn(2, 4).requiresGrad_()
  const b1 = gs.zeros([4], { requiresGrad: true })
  const w2 = gs.randn(4, 1).requiresGrad_()
  const b2 = gs.zeros([1], { requiresGrad: true })
  const params = [w1, b1, w2, b2]
  return {
    step() {
      const loss = x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).sigmoid().sub(y).square().mean()
      for (const p of params) p.grad = null
      loss.backward()
      gs.noGrad(() => {
        for (const p of params) p.sub_(p.grad!, 0.5)
      })
    },
  }
}

function tfXor(): { step: () => void; dispose: () => void } {
  const x = tf.tensor2d([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ])
  const y = tf.tensor2d([[0], [1], [1], [0]])
  const w1 = tf.variable(tf.randomNormal([2, 4]))
  const b1 = tf.variable(tf.zeros([4]))
  const w2 = tf.variable(tf.randomNormal([4, 1]))
  const b2 = tf.variable(tf.zeros([1]))
  const optimizer = tf.train.sgd(0.5)
  return {
    step() {
      const loss = optimizer.minimize(
        () =>
          tf.mean(
            tf.square(
              tf.sub(tf.sigmoid(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2)), y),
            ),
          ),
        true,
      )
      loss?.dataSync()
      loss?.dispose()
    },
    dispose() {
      for (const t of [x, y, w1, b1, w2, b2]) t.dispose()
      optimizer.dispose()
    },
  }
}

{
  const row: Row = { work: 'XOR 2-4-1 train step', unit: 'µs', higherIsBetter: false, values: {} }
  const g = gradschoolXor()
  row.values.gradschool = measure(g.step, { minSeconds }).seconds * 1e6
  for (const backend of ['cpu', 'wasm'] as const) {
    await useTf(backend)
    const t = tfXor()
    row.values[`tfjs-${backend}`] = measure(t.step, { minSeconds }).seconds * 1e6
    t.dispose()
  }
  rows.push(row)
}

// ── elementwise over 1M elements ──────────────────────────────────────────────
{
  const n = 1 << 20
  const addRow: Row = { work: 'add 1M f32', unit: 'GB/s', higherIsBetter: true, values: {} }
  const reluRow: Row = { work: 'relu 1M f32', unit: 'GB/s', higherIsBetter: true, values: {} }
  const a = gs.randn(n)
  const b = gs.randn(n)
  addRow.values.gradschool = (12 * n) / measure(() => a.add(b), { minSeconds }).seconds / 1e9
  reluRow.values.gradschool = (8 * n) / measure(() => a.relu(), { minSeconds }).seconds / 1e9
  for (const backend of ['cpu', 'wasm'] as const) {
    await useTf(backend)
    const ta = tf.randomNormal([n])
    const tb = tf.randomNormal([n])
    const run = (fn: () => tf.Tensor) => () => {
      const c = fn()
      c.dataSync()
      c.dispose()
    }
    addRow.values[`tfjs-${backend}`] =
      (12 * n) /
      measure(
        run(() => tf.add(ta, tb)),
        { minSeconds },
      ).seconds /
      1e9
    reluRow.values[`tfjs-${backend}`] =
      (8 * n) /
      measure(
        run(() => tf.relu(ta)),
        { minSeconds },
      ).seconds /
      1e9
    ta.dispose()
    tb.dispose()
  }
  rows.push(addRow, reluRow)
}

// ── heap growth over 10,000 tiny training steps ──────────────────────────────
const gc = (globalThis as { gc?: () => void }).gc
function heapAfter(step: () => void, steps: number): number {
  gc?.()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < steps; i++) step()
  gc?.()
  return (process.memoryUsage().heapUsed - before) / 1024
}
{
  const row: Row = { work: 'heap growth, 10k XOR steps', unit: 'KiB', higherIsBetter: false, values: {} }
  const g = gradschoolXor()
  for (let i = 0; i < 1000; i++) g.step()
  row.values.gradschool = heapAfter(g.step, 10_000)
  await useTf('cpu')
  const t = tfXor()
  for (let i = 0; i < 1000; i++) t.step()
  row.values['tfjs-cpu'] = heapAfter(t.step, 10_000)
  t.dispose()
  rows.push(row)
}

// ── report ───────────────────────────────────────────────────────────────────
function ratio(row: Row, peer: Engine): string {
  const ours = row.values.gradschool
  const theirs = row.values[peer]
  if (ours === undefined || theirs === undefined || row.unit === 'KiB') return '–'
  return `${fmt(row.higherIsBetter ? ours / theirs : theirs / ours)}×`
}

const table = markdownTable(
  ['work', 'unit', 'gradschool (js)', 'tfjs cpu', 'tfjs wasm', 'vs cpu', 'vs wasm'],
  rows.map((r) => [
    r.work,
    r.unit,
    fmt(r.values.gradschool ?? Number.NaN),
    fmt(r.values['tfjs-cpu'] ?? Number.NaN),
    fmt(r.values['tfjs-wasm'] ?? Number.NaN),
    ratio(r, 'tfjs-cpu'),
    ratio(r, 'tfjs-wasm'),
  ]),
)
const note = `Ratios are gradschool's speed relative to the peer (>1× means gradschool is faster).${gc ? '' : ' Heap numbers without --expose-gc are noisy.'}`
console.log(`\n${table}\n\n${note}`)
const out = join(here, 'results')
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'tensor.md'), `# @gradschool/tensor benchmark\n\n${table}\n\n${note}\n`)
writeFileSync(
  join(out, 'tensor.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
)
