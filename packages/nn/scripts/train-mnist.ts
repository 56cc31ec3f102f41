/**
 * Trains a 784-256-128-10 ReLU network on MNIST with Adam and reports, after every epoch, the
 * seconds it took, the mean training loss and the test accuracy.
 *
 *   pnpm train:mnist -- --epochs 3            progress bar, per-epoch lines, confusion matrix
 *   pnpm train:mnist -- --epochs 3 --json     exactly one JSON object per epoch on stdout
 *   pnpm train:mnist -- --backend js          the pure TypeScript kernels instead of WebAssembly
 *
 * The weights are saved as a stateDict JSON file (by default under the git-ignored .gradschool/).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { getBackend, manualSeed, noGrad, ready, setBackend, type Tensor } from '@gradschool/tensor'
import { loadMnist } from '../src/datasets/node.js'
import {
  Adam,
  accuracy,
  confusionMatrix,
  crossEntropy,
  DataLoader,
  formatConfusionMatrix,
  Linear,
  ProgressBar,
  ReLU,
  Sequential,
  TensorDataset,
} from '../src/index.js'

const USAGE = `usage: pnpm train:mnist -- [options]

  --epochs N       epochs to train (default 5)
  --json           print one JSON object per epoch and nothing else on stdout
  --out FILE       where to save the weights (default .gradschool/mnist-weights.json in packages/nn)
  --force          overwrite FILE if it exists
  --limit N        use only the first N training and N test samples (quick runs)
  --seed N         seed of the initial weights and the shuffle (default 0)
  --lr X           Adam learning rate (default 0.001)
  --batch-size N   samples per batch (default 64)
  --backend NAME   tensor kernels: js (pure TypeScript) or wasm (WebAssembly SIMD);
                   default: the library's default (wasm where it is available)
  --quiet          no progress bar
  --help           show this help`

const DEFAULT_OUT = resolve(import.meta.dirname, '..', '.gradschool', 'mnist-weights.json')

interface Settings {
  epochs: number
  json: boolean
  out: string
  force: boolean
  limit: number | undefined
  seed: number
  lr: number
  batchSize: number
  quiet: boolean
  backend: Backend | undefined
}

const BACKENDS = ['js', 'wasm'] as const
type Backend = (typeof BACKENDS)[number]

class UsageError extends Error {}

function readSettings(argv: string[]): Settings | null {
  // pnpm forwards the `--` that separates its own options from the script's; drop it.
  const first = argv.findIndex((arg) => arg !== '--')
  const args = first < 0 ? [] : argv.slice(first)
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      epochs: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      limit: { type: 'string' },
      seed: { type: 'string', default: '0' },
      lr: { type: 'string', default: '0.001' },
      'batch-size': { type: 'string', default: '64' },
      backend: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return null
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  // Paths the user types are relative to where they ran pnpm, not to this package.
  const userDirectory = process.env.INIT_CWD ?? process.cwd()
  return {
    epochs: integer('--epochs', values.epochs, 1),
    json: values.json,
    out: values.out === undefined ? DEFAULT_OUT : resolve(userDirectory, values.out),
    force: values.force || values.out === undefined,
    limit: values.limit === undefined ? undefined : integer('--limit', values.limit, 1),
    seed: integer('--seed', values.seed, 0),
    lr: positiveNumber('--lr', values.lr),
    batchSize: integer('--batch-size', values['batch-size'], 1),
    quiet: values.quiet || values.json,
    backend: values.backend === undefined ? undefined : backendName(values.backend),
  }
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`${flag} must be an integer ≥ ${min}, got '${text}'`)
  return value
}

function backendName(text: string): Backend {
  const found = BACKENDS.find((name) => name === text)
  if (!found) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got '${text}'`)
  return found
}

function positiveNumber(flag: string, text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} must be a positive number, got '${text}'`)
  return value
}

async function train(settings: Settings): Promise<void> {
  if (existsSync(settings.out) && !settings.force) {
    throw new Error(`${settings.out} already exists; pass --force to overwrite it or choose another --out`)
  }
  const limit = settings.limit === undefined ? {} : { limit: settings.limit }
  const trainSet = loadMnist({ split: 'train', ...limit })
  const testSet = loadMnist({ split: 'test', ...limit })

  await ready()
  if (settings.backend !== undefined) setBackend(settings.backend)
  const backend = getBackend()

  manualSeed(settings.seed)
  const model = new Sequential(
    new Linear(784, 256),
    new ReLU(),
    new Linear(256, 128),
    new ReLU(),
    new Linear(128, 10),
  )
  const optimizer = new Adam(model.parameters(), { lr: settings.lr })
  const loader = new DataLoader(new TensorDataset(trainSet.images, trainSet.labels), {
    batchSize: settings.batchSize,
    shuffle: true,
    seed: settings.seed,
  })
  const progress = new ProgressBar({
    total: loader.length,
    epochs: settings.epochs,
    stream: process.stdout,
    quiet: settings.quiet,
  })
  if (!settings.json) {
    console.log(
      `MNIST: ${trainSet.labels.shape[0]} training and ${testSet.labels.shape[0]} test images; ` +
        `784-256-128-10 ReLU, Adam lr ${settings.lr}, batch ${settings.batchSize}, seed ${settings.seed}, ` +
        `backend ${backend}`,
    )
  }

  let predictions: Int32Array = new Int32Array(0)
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    model.train()
    progress.startEpoch(epoch)
    const start = performance.now()
    let lossSum = 0
    let seen = 0
    let batch = 0
    for (const [x, y] of loader) {
      const loss = crossEntropy(model.forward(x), y)
      optimizer.zeroGrad()
      loss.backward()
      optimizer.step()
      const size = y.shape[0]!
      lossSum += loss.item() * size
      seen += size
      progress.update(++batch, size, lossSum / seen)
    }
    const seconds = (performance.now() - start) / 1000
    progress.clear()
    predictions = predict(model, testSet.images)
    const report = {
      epoch,
      backend,
      seconds: Math.round(seconds * 1000) / 1000,
      trainLoss: lossSum / seen,
      testAccuracy: accuracy(predictions, testSet.labels),
    }
    if (settings.json) console.log(JSON.stringify(report))
    else {
      console.log(
        `epoch ${epoch}/${settings.epochs}  ${report.seconds.toFixed(1)} s  ` +
          `train loss ${report.trainLoss.toFixed(4)}  test accuracy ${(100 * report.testAccuracy).toFixed(2)}%`,
      )
    }
  }

  mkdirSync(dirname(settings.out), { recursive: true })
  writeFileSync(settings.out, JSON.stringify(model.stateDict()))
  if (!settings.json) {
    console.log('\nconfusion matrix on the test set (rows: true digit, columns: predicted digit)')
    console.log(formatConfusionMatrix(confusionMatrix(predictions, testSet.labels, { numClasses: 10 })))
    console.log(`\nweights saved to ${settings.out}`)
  }
}

/** Predicted digits, computed in chunks to bound memory. */
function predict(model: Sequential, images: Tensor): Int32Array {
  model.eval()
  const n = images.shape[0]!
  const out = new Int32Array(n)
  noGrad(() => {
    for (let start = 0; start < n; start += 1000) {
      const chunk = images.narrow(0, start, Math.min(1000, n - start))
      out.set(model.forward(chunk).argmax(1).data, start)
    }
  })
  return out
}

try {
  const settings = readSettings(process.argv.slice(2))
  if (settings === null) console.log(USAGE)
  else await train(settings)
} catch (error) {
  const isUsage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  console.error(`train-mnist: ${(error as Error).message}`)
  if (isUsage) console.error(`\n${USAGE}`)
  process.exitCode = isUsage ? 2 : 1
}
