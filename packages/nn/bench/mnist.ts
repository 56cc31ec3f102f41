/**
 * `pnpm bench` for @gradschool/nn: one MNIST MLP epoch (784-256-128-10 ReLU, Adam 1e-3,
 * batch 64) for gradschool and TensorFlow.js (cpu and wasm) in one run, plus gradschool's
 * heap after epoch 3 vs after epoch 1. TF.js's cpu backend is too slow for whole epochs, so
 * peers are timed over a fixed number of batches and scaled to an epoch (stated in the table).
 * Flags: --epochs N (gradschool epochs, default 3), --peer-batches N (default 150).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { manualSeed, noGrad } from '@gradschool/tensor'
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-wasm'
import { loadMnist } from '../src/datasets/node.js'
import { Adam, crossEntropy, DataLoader, Linear, ReLU, Sequential, TensorDataset } from '../src/index.js'

const { values: flags } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { epochs: { type: 'string', default: '3' }, 'peer-batches': { type: 'string', default: '150' } },
})
const epochs = Math.max(1, Number(flags.epochs))
const peerBatches = Math.max(10, Number(flags['peer-batches']))
const BATCH = 64
const here = dirname(fileURLToPath(import.meta.url))
const gc = (globalThis as { gc?: () => void }).gc

const train = loadMnist({ split: 'train' })
const test = loadMnist({ split: 'test' })
const batchesPerEpoch = Math.ceil(train.images.shape[0]! / BATCH)

function heapMiB(): number {
  gc?.()
  return process.memoryUsage().heapUsed / 2 ** 20
}

// ── gradschool ────────────────────────────────────────────────────────────────
manualSeed(0)
const model = new Sequential(
  new Linear(784, 256),
  new ReLU(),
  new Linear(256, 128),
  new ReLU(),
  new Linear(128, 10),
)
const optimizer = new Adam(model.parameters(), { lr: 1e-3 })
const loader = new DataLoader(new TensorDataset(train.images, train.labels), {
  batchSize: BATCH,
  shuffle: true,
  seed: 0,
})
const epochSeconds: number[] = []
const heapAfterEpoch: number[] = []
let testAccuracy = 0
for (let epoch = 1; epoch <= epochs; epoch++) {
  const t0 = performance.now()
  for (const [x, y] of loader) {
    optimizer.zeroGrad()
    crossEntropy(model.forward(x!), y!).backward()
    optimizer.step()
  }
  epochSeconds.push((performance.now() - t0) / 1000)
  heapAfterEpoch.push(heapMiB())
  testAccuracy = noGrad(() => model.forward(test.images).argmax(1).eq(test.labels).mean().item())
  console.error(
    `gradschool epoch ${epoch}: ${epochSeconds.at(-1)!.toFixed(1)} s, test accuracy ${(testAccuracy * 100).toFixed(2)}%`,
  )
}

// ── TF.js (same architecture, optimizer and batch), timed over peerBatches ─────
async function tfjsEpochSeconds(backend: 'cpu' | 'wasm'): Promise<number> {
  await tf.setBackend(backend)
  await tf.ready()
  // The idiomatic TF.js way (layers model, compile + trainOnBatch); hand-rolled minimize() loops
  // are several times slower on the wasm backend and would flatter us.
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 256, activation: 'relu' }),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  })
  net.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' })
  // Batches are made from typed-array views, as tf.data would: slicing one big tensor costs
  // ~100 ms per batch on the wasm backend.
  const pixels = train.images.data as Float32Array
  const digits = train.labels.data as Int32Array
  const step = async (b: number) => {
    const start = (b * BATCH) % (train.images.shape[0]! - BATCH)
    const [x, y] = tf.tidy(() => [
      tf.tensor2d(pixels.subarray(start * 784, (start + BATCH) * 784), [BATCH, 784]),
      tf.oneHot(tf.tensor1d(digits.subarray(start, start + BATCH), 'int32'), 10),
    ])
    await net.trainOnBatch(x!, y!)
    x!.dispose()
    y!.dispose()
  }
  for (let b = 0; b < 10; b++) await step(b)
  const t0 = performance.now()
  for (let b = 0; b < peerBatches; b++) await step(b)
  const seconds = ((performance.now() - t0) / 1000 / peerBatches) * batchesPerEpoch
  net.dispose()
  console.error(`tfjs-${backend}: ${seconds.toFixed(1)} s per epoch (from ${peerBatches} batches)`)
  return seconds
}
const tfCpu = await tfjsEpochSeconds('cpu')
const tfWasm = await tfjsEpochSeconds('wasm')

// ── report ───────────────────────────────────────────────────────────────────
const ours = Math.min(...epochSeconds)
const growth =
  heapAfterEpoch.length >= 3 ? (heapAfterEpoch[2]! - heapAfterEpoch[0]!) / heapAfterEpoch[0]! : Number.NaN
const rows = [
  [
    'MNIST MLP epoch (s)',
    ours.toFixed(1),
    tfCpu.toFixed(1),
    tfWasm.toFixed(1),
    `${(tfCpu / ours).toFixed(2)}×`,
    `${(tfWasm / ours).toFixed(2)}×`,
  ],
]
const table = [
  '| work | gradschool (js) | tfjs cpu | tfjs wasm | vs cpu | vs wasm |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n')
const notes = [
  `gradschool: best of ${epochs} full epochs; test accuracy after epoch ${epochs}: ${(testAccuracy * 100).toFixed(2)}%.`,
  `TF.js: ${peerBatches} timed batches scaled to ${batchesPerEpoch} batches per epoch. Ratios >1× mean gradschool is faster.`,
  `gradschool heap after epoch 1: ${heapAfterEpoch[0]!.toFixed(1)} MiB; after epoch ${heapAfterEpoch.length}: ${heapAfterEpoch.at(-1)!.toFixed(1)} MiB (growth ${Number.isNaN(growth) ? 'n/a (needs 3 epochs)' : `${(growth * 100).toFixed(1)}%`})${gc ? '' : ' — run with --expose-gc for stable heap numbers'}.`,
]
console.log(`\n${table}\n\n${notes.join('\n')}`)
mkdirSync(join(here, 'results'), { recursive: true })
writeFileSync(
  join(here, 'results', 'mnist.md'),
  `# MNIST MLP benchmark\n\n${table}\n\n${notes.join('\n\n')}\n`,
)
writeFileSync(
  join(here, 'results', 'mnist.json'),
  `${JSON.stringify({ date: new Date().toISOString(), epochSeconds, heapAfterEpoch, testAccuracy, tfjsCpuEpochSeconds: tfCpu, tfjsWasmEpochSeconds: tfWasm, peerBatches }, null, 2)}\n`,
)
