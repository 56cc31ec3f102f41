/**
 * The helper-thread protocol: every unit of a job runs exactly once across the threads, and a
 * helper whose kernel fails hands its chunk back to the caller, after which the pool is unused.
 */
import { describe, expect, it } from 'vitest'
import { jsBackend } from '../src/backend/js.js'
import { createWasmBackend } from '../src/backend/wasm/index.js'
import { compileSync, type KernelExports } from '../src/backend/wasm/instance.js'
import { JobKind, ThreadPool } from '../src/backend/wasm/threads.js'

async function untilReady(pool: ThreadPool): Promise<void> {
  const deadline = Date.now() + 20_000
  while (pool.readyHelpers() < pool.size() && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 10))
  expect(pool.readyHelpers()).toBe(pool.size())
}

/** Busy for about a millisecond, so that a helper wakes up while this thread still has work. */
function busy(): void {
  const until = performance.now() + 1
  while (performance.now() < until) {}
}

/** Stands in for this thread's kernels and records the unit ranges it is given. */
function recordingKernels(ranges: [number, number][]): KernelExports {
  return {
    gemmPacked: (...args: number[]) => {
      busy()
      ranges.push([args[6]!, args[7]!])
    },
    sparseRows: (...args: number[]) => {
      busy()
      ranges.push([args[7]!, args[8]!])
    },
  } as unknown as KernelExports
}

describe('helper threads', () => {
  it('thousands of small jobs back to back: helpers join, are called off or wake late, and every result is right', async () => {
    const backend = createWasmBackend(compileSync(true))
    backend.setThreads(2)
    backend.setCutoffs({ matmul: 0, parallel: 0 })
    const deadline = Date.now() + 20_000
    while (backend.readyThreads() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    expect(backend.readyThreads()).toBe(2)
    const [m, k, n] = [12, 20, 40]
    const a = Float32Array.from({ length: m * k }, (_, i) => ((i * 7) % 11) - 5)
    const b = Float32Array.from({ length: k * n }, (_, i) => ((i * 5) % 13) - 6)
    const want = new Float32Array(m * n)
    jsBackend.matmul(a, b, want, m, k, n, false, false)
    const got = new Float32Array(m * n)
    let wrong = 0
    // Integer-valued operands: every product is exact, so any lost or doubled chunk shows.
    for (let i = 0; i < 20_000; i++) {
      got.fill(Number.NaN)
      backend.matmul(a, b, got, m, k, n, false, false)
      for (let j = 0; j < got.length; j++) if (got[j] !== want[j]) wrong++
    }
    expect(wrong).toBe(0)
  })

  it('a helper whose kernel traps hands its chunk back; the caller runs it and stops using the pool', async () => {
    const kernels = compileSync(true)
    const ranges: [number, number][] = []
    const pool = new ThreadPool(kernels, recordingKernels(ranges), 1)
    await untilReady(pool)
    // Pointers far past the end of memory: the helper's real kernel traps on any chunk it takes.
    const outOfBounds = 0x7fff0000
    const units = 4000
    for (let attempt = 0; attempt < 50 && pool.readyHelpers() === 1; attempt++) {
      ranges.length = 0
      pool.run(
        JobKind.SparseRows,
        units,
        [outOfBounds, outOfBounds, outOfBounds, units, 1000, 1000, 0],
        () => 0,
      )
    }
    // Once the helper has taken part and failed, the pool is out of use...
    expect(pool.readyHelpers()).toBe(0)
    // ...and every unit of that job was still run, by this thread, exactly once (the helper's
    // trapping chunk included), since the helper's own chunks never completed.
    const covered = new Array<number>(units).fill(0)
    for (const [from, to] of ranges) for (let u = from; u < to; u++) covered[u]!++
    expect(covered.filter((c) => c !== 1)).toEqual([])
    pool.terminate()
  })

  it('with no helper ready, a job runs entirely on the calling thread, each unit once', () => {
    const ranges: [number, number][] = []
    const pool = new ThreadPool(compileSync(true), recordingKernels(ranges), 1)
    pool.terminate() // no helper ever becomes ready
    pool.run(JobKind.Gemm, 10, [0, 0, 0, 4, 4, 80], () => 0)
    expect(ranges.flatMap(([from, to]) => Array.from({ length: to - from }, (_, i) => from + i))).toEqual(
      Array.from({ length: 10 }, (_, i) => i),
    )
  })
})
