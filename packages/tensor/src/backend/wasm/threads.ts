import type { KernelExports, KernelModule } from './instance.js'

/**
 * Helper threads for large kernels. Each worker instantiates the same module on the same shared
 * memory and sleeps on its own slot of a shared control block; the calling thread writes a job's
 * arguments into the slot, wakes the worker, does its own share, then waits for the rest. No
 * messages per job, so a wake-up costs microseconds, not a message round trip.
 */

/** What a worker runs: one of the splittable kernels, with its arguments. */
export const JobKind = { Gemm: 0, SparseRows: 1 } as const
export type JobKind = (typeof JobKind)[keyof typeof JobKind]

// Layout of one worker's slot in the control block (Int32 indices).
const SEQ = 0
const DONE = 1
const READY = 2
const KIND = 3
const ARGS = 4
const FAILED = 13
const SLOT = 16

/** The worker's whole program. It has no imports, so Node and browsers run it unchanged. */
const WORKER_SOURCE = `
function start(data) {
  const kernels = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports
  const ctl = new Int32Array(data.control)
  const base = data.slot * ${SLOT}
  const arg = (i) => ctl[base + ${ARGS} + i] >>> 0
  Atomics.store(ctl, base + ${READY}, 1)
  let seen = 0
  for (;;) {
    Atomics.wait(ctl, base + ${SEQ}, seen)
    seen = Atomics.load(ctl, base + ${SEQ})
    try {
      if (ctl[base + ${KIND}] === ${JobKind.Gemm}) {
        kernels.gemmPacked(arg(0), arg(1), arg(2), arg(3), arg(4), arg(5), arg(6), arg(7), arg(8))
      } else {
        kernels.sparseRows(arg(0), arg(1), arg(2), arg(3), arg(4), arg(5), arg(6), arg(7), arg(8))
      }
    } catch {
      Atomics.store(ctl, base + ${FAILED}, 1)
    }
    Atomics.store(ctl, base + ${DONE}, seen)
    Atomics.notify(ctl, base + ${DONE})
  }
}
`

interface BrowserWorker {
  onerror: (() => void) | null
  postMessage(data: unknown): void
  terminate(): void
}

interface WorkerHandle {
  terminate(): unknown
}

interface NodeWorkerThreads {
  Worker: new (
    source: string,
    options: { eval: true; workerData: unknown },
  ) => WorkerHandle & { unref(): void; on(event: 'error', listener: (error: unknown) => void): void }
}

function spawn(source: string, data: Record<string, unknown>, onError: () => void): WorkerHandle | null {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  if (typeof nodeProcess?.getBuiltinModule === 'function') {
    const threads = nodeProcess.getBuiltinModule('node:worker_threads') as NodeWorkerThreads | undefined
    if (!threads) return null
    const worker = new threads.Worker(
      `${source}\nstart(process.getBuiltinModule('node:worker_threads').workerData)`,
      {
        eval: true,
        workerData: data,
      },
    )
    // A sleeping helper must never keep the process alive.
    worker.unref()
    worker.on('error', onError)
    return worker
  }
  const WebWorker = (globalThis as { Worker?: new (url: string) => BrowserWorker }).Worker
  if (
    typeof WebWorker !== 'function' ||
    typeof Blob !== 'function' ||
    typeof URL?.createObjectURL !== 'function'
  ) {
    return null
  }
  const url = URL.createObjectURL(
    new Blob([`${source}\nself.onmessage = (e) => start(e.data)`], { type: 'text/javascript' }),
  )
  const worker = new WebWorker(url)
  worker.onerror = onError
  worker.postMessage(data)
  return worker
}

/** Browsers forbid blocking the main thread; there the caller spins instead of sleeping. */
function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0)
    return true
  } catch {
    return false
  }
}

export class ThreadPool {
  private readonly control: Int32Array
  private readonly workers: WorkerHandle[] = []
  private readonly sequence: number[] = []
  private readonly blocking = canBlock()
  private broken = false

  constructor(
    kernels: KernelModule,
    private readonly local: KernelExports,
    helpers: number,
  ) {
    this.control = new Int32Array(new SharedArrayBuffer(Math.max(1, helpers) * SLOT * 4))
    for (let slot = 0; slot < helpers; slot++) {
      const worker = spawn(
        WORKER_SOURCE,
        { module: kernels.module, memory: kernels.memory, control: this.control.buffer, slot },
        () => {
          this.broken = true
        },
      )
      if (!worker) break
      this.workers.push(worker)
      this.sequence.push(0)
    }
  }

  /** Helpers that have started and can take work now (they start asynchronously). */
  readyHelpers(): number {
    if (this.broken) return 0
    let ready = 0
    while (ready < this.workers.length && Atomics.load(this.control, ready * SLOT + READY) === 1) ready++
    return ready
  }

  /**
   * Runs `kind` over `units` work units (column panels or rows) split evenly between this thread
   * and the ready helpers. `args(from, to, part)` gives the kernel's nine arguments for one range
   * (`part` 0 is this thread; each part may need its own scratch).
   */
  run(kind: JobKind, units: number, args: (from: number, to: number, part: number) => number[]): void {
    const helpers = Math.min(this.readyHelpers(), units - 1)
    const parts = helpers + 1
    const bounds = (part: number) => Math.round((units * part) / parts)
    const posted: number[][] = []
    for (let h = 0; h < helpers; h++) {
      const base = h * SLOT
      const values = args(bounds(h + 1), bounds(h + 2), h + 1)
      posted.push(values)
      for (let i = 0; i < values.length; i++) this.control[base + ARGS + i] = values[i]! | 0
      this.control[base + KIND] = kind
      const seq = this.sequence[h]! + 1
      this.sequence[h] = seq
      Atomics.store(this.control, base + SEQ, seq)
      Atomics.notify(this.control, base + SEQ)
    }
    this.runHere(kind, args(0, bounds(1), 0))
    for (let h = 0; h < helpers; h++) {
      const at = h * SLOT + DONE
      const seq = this.sequence[h]!
      for (let done = Atomics.load(this.control, at); done !== seq; done = Atomics.load(this.control, at)) {
        if (this.blocking) Atomics.wait(this.control, at, done)
      }
      if (Atomics.load(this.control, h * SLOT + FAILED) === 1) {
        // A helper's kernel threw: redo its share here and stop using the pool.
        this.broken = true
        this.runHere(kind, posted[h]!)
      }
    }
  }

  private runHere(kind: JobKind, values: number[]): void {
    const a = values as [number, number, number, number, number, number, number, number, number]
    if (kind === JobKind.Gemm) this.local.gemmPacked(...a)
    else this.local.sparseRows(...a)
  }

  size(): number {
    return this.workers.length
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate()
    this.workers.length = 0
  }
}
