/**
 * `pnpm bench` for @gradschool/tensor: gradschool on both backends (js, wasm) and TensorFlow.js
 * (cpu and wasm backends) side by side in one run, with ratios and the targets.
 * Writes bench/results/tensor.md and tensor.json. Flag: --quick (shorter timings).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as tf from '@tensorflow/tfjs'
import { getThreadsCount as tfWasmThreads } from '@tensorflow/tfjs-backend-wasm'
import * as gs from '../src/index.js'
import { fmt, markdownTable, measure } from './harness.js'

const here = dirname(fileURLToPath(import.meta.url))
const quick = process.argv.includes('--quick')
const minSeconds = quick ? 0.1 : 0.4
const THREAD_ROUNDS = quick ? 1 : 3

const ENGINES = ['gradschool-js', 'gradschool-wasm', 'tfjs-cpu', 'tfjs-wasm'] as const
type Engine = (typeof ENGINES)[number]
type GradschoolBackend = 'js' | 'wasm'

/** A goal from the performance issue; judged on gradschool's default backend (wasm). */
interface Target {
  bound: 'atLeast' | 'atMost'
  value: number
}
interface Row {
  work: string
  unit: string
  higherIsBetter: boolean
  values: Partial<Record<Engine, number>>
  target?: Target
}
const rows: Row[] = []

async function useTf(backend: 'cpu' | 'wasm'): Promise<void> {
  await tf.setBackend(backend)
  await tf.ready()
}

function useGradschool(backend: GradschoolBackend): void {
  gs.setBackend(backend)
  if (gs.getBackend() !== backend) throw new Error(`bench: could not switch gradschool to '${backend}'`)
}

await gs.ready()
const defaultBackend = gs.getBackend()
const wasmThreads = (() => {
  useGradschool('wasm')
  return gs.getNumThreads()
})()

// ── matmul ────────────────────────────────────────────────────────────────────
function gradschoolMatmulGflops(n: number): number {
  gs.manualSeed(1)
  const a = gs.randn(n, n)
  const b = gs.randn(n, n)
  return (2 * n ** 3) / measure(() => a.matmul(b), { minSeconds }).seconds / 1e9
}

function tfMatmulGflops(n: number): number {
  const ta = tf.randomNormal([n, n])
  const tb = tf.randomNormal([n, n])
  const seconds = measure(
    () => {
      const c = tf.matMul(ta, tb)
      c.dataSync()
      c.dispose()
    },
    { minSeconds },
  ).seconds
  ta.dispose()
  tb.dispose()
  return (2 * n ** 3) / seconds / 1e9
}

const matmulTargets: Record<number, Target> = {
  64: { bound: 'atLeast', value: 4 },
  512: { bound: 'atLeast', value: 16 },
}
const matmulRows = new Map<number, Row>()
for (const n of [64, 256, 512]) {
  const row: Row = { work: `matmul ${n}²`, unit: 'GFLOP/s', higherIsBetter: true, values: {} }
  const target = matmulTargets[n]
  if (target) row.target = target
  for (const backend of ['js', 'wasm'] as const) {
    useGradschool(backend)
    row.values[`gradschool-${backend}`] = gradschoolMatmulGflops(n)
  }
  for (const backend of ['cpu', 'wasm'] as const) {
    await useTf(backend)
    row.values[`tfjs-${backend}`] = tfMatmulGflops(n)
  }
  rows.push(row)
  matmulRows.set(n, row)
}
const tfjsWasmThreads = tfWasmThreads()

// The same product on one thread shows what the helper threads add. Other work on the machine
// skews single timings, so gradschool wasm's two 512² figures come from alternating rounds (best
// of each). Engines that always run on one thread (gradschool js, TF.js cpu, and TF.js wasm when
// it has no threads) repeat their figure from the row above.
{
  const row: Row = { work: 'matmul 512², 1 thread', unit: 'GFLOP/s', higherIsBetter: true, values: {} }
  const multi = matmulRows.get(512)!.values
  useGradschool('wasm')
  let best = { multi: multi['gradschool-wasm']!, single: 0 }
  try {
    for (let round = 0; round < THREAD_ROUNDS; round++) {
      gs.setNumThreads(1)
      best = { ...best, single: Math.max(best.single, gradschoolMatmulGflops(512)) }
      gs.setNumThreads(wasmThreads)
      best = { ...best, multi: Math.max(best.multi, gradschoolMatmulGflops(512)) }
    }
  } finally {
    gs.setNumThreads(wasmThreads)
  }
  multi['gradschool-wasm'] = best.multi
  row.values['gradschool-wasm'] = best.single
  row.values['gradschool-js'] = multi['gradschool-js']!
  row.values['tfjs-cpu'] = multi['tfjs-cpu']!
  if (tfjsWasmThreads === 1) row.values['tfjs-wasm'] = multi['tfjs-wasm']!
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
  const row: Row = {
    work: 'XOR 2-4-1 train step',
    unit: 'µs',
    higherIsBetter: false,
    values: {},
    target: { bound: 'atMost', value: 20 },
  }
  for (const backend of ['js', 'wasm'] as const) {
    useGradschool(backend)
    row.values[`gradschool-${backend}`] = measure(gradschoolXor().step, { minSeconds }).seconds * 1e6
  }
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
  for (const backend of ['js', 'wasm'] as const) {
    useGradschool(backend)
    addRow.values[`gradschool-${backend}`] = (12 * n) / measure(() => a.add(b), { minSeconds }).seconds / 1e9
    reluRow.values[`gradschool-${backend}`] = (8 * n) / measure(() => a.relu(), { minSeconds }).seconds / 1e9
  }
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
  for (const backend of ['js', 'wasm'] as const) {
    useGradschool(backend)
    const g = gradschoolXor()
    for (let i = 0; i < 1000; i++) g.step()
    row.values[`gradschool-${backend}`] = heapAfter(g.step, 10_000)
  }
  await useTf('cpu')
  const t = tfXor()
  for (let i = 0; i < 1000; i++) t.step()
  row.values['tfjs-cpu'] = heapAfter(t.step, 10_000)
  t.dispose()
  rows.push(row)
}
gs.setBackend(defaultBackend)

// ── report ───────────────────────────────────────────────────────────────────
/** How many times faster `ours` is than `peer` on this row (>1 means ours is faster). */
function speedup(row: Row, ours: Engine, peer: Engine): number {
  const a = row.values[ours]
  const b = row.values[peer]
  if (a === undefined || b === undefined || row.unit === 'KiB') return Number.NaN
  return row.higherIsBetter ? a / b : b / a
}

const times = (value: number) => (Number.isFinite(value) ? `${fmt(value)}×` : '–')

function targetText(target: Target | undefined, unit: string): string {
  if (!target) return '–'
  return `${target.bound === 'atLeast' ? '≥' : '≤'} ${target.value} ${unit}`
}

function isMet(target: Target, value: number | undefined): boolean {
  if (value === undefined || !Number.isFinite(value)) return false
  return target.bound === 'atLeast' ? value >= target.value : value <= target.value
}

function verdict(target: Target | undefined, value: number | undefined): string {
  if (!target) return '–'
  return isMet(target, value) ? 'met' : 'not met'
}

const value = (row: Row, engine: Engine) => fmt(row.values[engine] ?? Number.NaN)

const table = markdownTable(
  [
    'work',
    'unit',
    'gradschool js',
    'gradschool wasm',
    'tfjs cpu',
    'tfjs wasm',
    'wasm vs js',
    'wasm vs tfjs cpu',
    'wasm vs tfjs wasm',
    'target',
    'wasm meets target',
  ],
  rows.map((r) => [
    r.work,
    r.unit,
    ...ENGINES.map((engine) => value(r, engine)),
    times(speedup(r, 'gradschool-wasm', 'gradschool-js')),
    times(speedup(r, 'gradschool-wasm', 'tfjs-cpu')),
    times(speedup(r, 'gradschool-wasm', 'tfjs-wasm')),
    targetText(r.target, r.unit),
    verdict(r.target, r.values['gradschool-wasm']),
  ]),
)

const pytorchXorMicros = 94
const targetRows = rows.filter((r) => r.target)
const targetsTable = markdownTable(
  ['work', 'target', 'gradschool wasm (default)', 'status', 'gradschool js', 'status'],
  targetRows.map((r) => [
    r.work,
    targetText(r.target, r.unit),
    `${value(r, 'gradschool-wasm')} ${r.unit}`,
    verdict(r.target, r.values['gradschool-wasm']),
    `${value(r, 'gradschool-js')} ${r.unit}`,
    verdict(r.target, r.values['gradschool-js']),
  ]),
)

const threadGain =
  matmulRows.get(512)!.values['gradschool-wasm']! /
  rows.find((r) => r.work.endsWith('1 thread'))!.values['gradschool-wasm']!
const notes = [
  'Ratios are gradschool wasm’s speed relative to the peer (>1× means gradschool wasm is faster).',
  `Threads: gradschool wasm used ${wasmThreads} thread(s) (helper threads gain ${fmt(threadGain)}× on matmul 512², its two 512² figures are the best of ${THREAD_ROUNDS + 1} multi-thread and ${THREAD_ROUNDS} one-thread timings, alternated, since other work on the machine skews single timings); ` +
    `TF.js wasm ran with ${tfjsWasmThreads} thread(s). In the 1-thread row, engines that always run on one thread repeat their figure from the row above.`,
  'Targets are judged on the wasm backend, the default in Node; small work (XOR) runs on its TypeScript kernels below the size cut-offs.',
  `For context (not measured here): PyTorch on this machine takes ${pytorchXorMicros} µs per XOR step.`,
  `Node ${process.version}; default gradschool backend: ${defaultBackend}.${gc ? '' : ' Heap numbers without --expose-gc are noisy.'}`,
]
console.log(`\n${table}\n\n## Targets\n\n${targetsTable}\n\n${notes.join('\n')}`)
const out = join(here, 'results')
mkdirSync(out, { recursive: true })
writeFileSync(
  join(out, 'tensor.md'),
  `# @gradschool/tensor benchmark\n\n${table}\n\n## Targets\n\n${targetsTable}\n\n${notes.join('\n\n')}\n`,
)
writeFileSync(
  join(out, 'tensor.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      defaultBackend,
      threads: { gradschoolWasm: wasmThreads, tfjsWasm: tfjsWasmThreads },
      rows: rows.map((r) => ({
        ...r,
        ...(r.target ? { targetMet: isMet(r.target, r.values['gradschool-wasm']) } : {}),
      })),
    },
    null,
    2,
  )}\n`,
)
