import type { KernelExports, KernelModule } from './instance.js'

/**
 * Helper threads for large kernels. Each worker instantiates the same module on the same shared
 * memory and sleeps on its own slot of a shared control block. A job is a kernel, its fixed
 * arguments and a count of work units (column panels or rows); every thread, the caller
 * included, claims chunks of units from one atomic counter until none are left. A helper that
 * wakes late therefore finds less work rather than holding the caller up, and one that has not
 * woken by the time the work is done is called off instead of waited for. No messages per job.
 */

/** What a job runs: one of the splittable kernels. */
export const JobKind = { Gemm: 0, SparseRows: 1 } as const
export type JobKind = (typeof JobKind)[keyof typeof JobKind]

// The shared job header (Int32 indices of the control block).
const NEXT = 0
const UNITS = 1
const CHUNK = 2
const KIND = 3
const FIXED = 4 // seven fixed kernel arguments
const HEADER = 16
// One helper's slot, after the header.
const SEQ = 0
const DONE = 1
const READY = 2
const STATE = 3
const FAILED = 4
const FAILED_FROM = 5
const FAILED_TO = 6
const TILE = 7
const SLOT = 16
// A slot's job state: only the CAS from POSTED decides whether a helper joins the job.
const IDLE = 0
const POSTED = 1
const TAKEN = 2
/** How long the caller waits for a helper's last chunk before calling the pool broken. */
const STALL_MS = 30_000

/** The worker's whole program. It has no imports, so Node and browsers run it unchanged. */
const WORKER_SOURCE = `
function start(data) {
  const kernels = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports
  const ctl = new Int32Array(data.control)
  const base = ${HEADER} + data.slot * ${SLOT}
  const fixed = (i) => ctl[${FIXED} + i] >>> 0
  Atomics.store(ctl, base + ${READY}, 1)
  let seen = 0
  for (;;) {
    Atomics.wait(ctl, base + ${SEQ}, seen)
    seen = Atomics.load(ctl, base + ${SEQ})
    if (Atomics.compareExchange(ctl, base + ${STATE}, ${POSTED}, ${TAKEN}) !== ${POSTED}) continue
    // The job taken is the one whose number was written before it was posted: read it again,
    // since a newer job may have been posted between the wake-up and the exchange.
    seen = Atomics.load(ctl, base + ${SEQ})
    const units = ctl[${UNITS}]
    const chunk = ctl[${CHUNK}]
    const gemm = ctl[${KIND}] === ${JobKind.Gemm}
    const tile = ctl[base + ${TILE}] >>> 0
    for (;;) {
      const from = Atomics.add(ctl, ${NEXT}, chunk)
      if (from >= units) break
      const to = Math.min(from + chunk, units)
      try {
        if (gemm) kernels.gemmPacked(fixed(0), fixed(1), fixed(2), fixed(3), fixed(4), fixed(5), from, to, tile)
        else kernels.sparseRows(fixed(0), fixed(1), fixed(2), fixed(3), fixed(4), fixed(5), fixed(6), from, to)
      } catch {
        ctl[base + ${FAILED_FROM}] = from
        ctl[base + ${FAILED_TO}] = to
        Atomics.store(ctl, base + ${FAILED}, 1)
        break
      }
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
    this.control = new Int32Array(new SharedArrayBuffer((HEADER + Math.max(1, helpers) * SLOT) * 4))
    for (let slot = 0; slot < helpers; slot++) {
      let worker: WorkerHandle | null = null
      try {
        worker = spawn(
          WORKER_SOURCE,
          { module: kernels.module, memory: kernels.memory, control: this.control.buffer, slot },
          () => {
            this.broken = true
          },
        )
      } catch {
        // A page whose security policy forbids blob workers, say: one thread it is.
      }
      if (!worker) break
      this.workers.push(worker)
      this.sequence.push(0)
    }
  }

  /** Helpers that have started and can take work now (they start asynchronously). */
  readyHelpers(): number {
    if (this.broken) return 0
    let ready = 0
    while (ready < this.workers.length && Atomics.load(this.control, HEADER + ready * SLOT + READY) === 1)
      ready++
    return ready
  }

  /**
   * Runs `kind` over `units` work units shared out in chunks between this thread and the ready
   * helpers. `fixed` are the kernel's arguments before the unit range; `tile(part)` is a
   * thread's own scratch (part 0 is this thread).
   */
  run(kind: JobKind, units: number, fixed: readonly number[], tile: (part: number) => number): void {
    const helpers = units > 1 ? this.readyHelpers() : 0
    const ctl = this.control
    // About four chunks per thread: small enough to even out a late start, large enough to be cheap.
    const chunk = Math.max(1, Math.floor(units / ((helpers + 1) * 4)))
    ctl[UNITS] = units
    ctl[CHUNK] = chunk
    ctl[KIND] = kind
    for (let i = 0; i < fixed.length; i++) ctl[FIXED + i] = fixed[i]! | 0
    Atomics.store(ctl, NEXT, 0)
    for (let h = 0; h < helpers; h++) {
      const base = HEADER + h * SLOT
      ctl[base + TILE] = tile(h + 1) | 0
      // The job number first, then the post: a helper that takes the post reads that number.
      const seq = (this.sequence[h]! + 1) | 0 // wraps like the Int32 it is compared with
      this.sequence[h] = seq
      Atomics.store(ctl, base + SEQ, seq)
      Atomics.store(ctl, base + STATE, POSTED)
      Atomics.notify(ctl, base + SEQ)
    }
    for (let from = Atomics.add(ctl, NEXT, chunk); from < units; from = Atomics.add(ctl, NEXT, chunk)) {
      this.runHere(kind, fixed, from, Math.min(from + chunk, units), tile(0))
    }
    for (let h = 0; h < helpers; h++) {
      const base = HEADER + h * SLOT
      // A helper that has not picked the job up yet is called off: there is nothing left for it.
      if (Atomics.compareExchange(ctl, base + STATE, POSTED, IDLE) === POSTED) continue
      const seq = this.sequence[h]!
      const deadline = Date.now() + STALL_MS
      for (let done = Atomics.load(ctl, base + DONE); done !== seq; done = Atomics.load(ctl, base + DONE)) {
        if (this.blocking) Atomics.wait(ctl, base + DONE, done, 100)
        if (Date.now() > deadline) {
          // A chunk never takes this long: fail loudly rather than hang the program.
          this.broken = true
          throw new Error(`wasm backend: helper thread ${h + 1} stopped responding; use setNumThreads(1)`)
        }
      }
      if (Atomics.load(ctl, base + FAILED) === 1) {
        // A helper's kernel threw: redo its chunk here and stop using the pool.
        this.broken = true
        this.runHere(kind, fixed, ctl[base + FAILED_FROM]!, ctl[base + FAILED_TO]!, tile(0))
      }
    }
  }

  private runHere(kind: JobKind, fixed: readonly number[], from: number, to: number, tile: number): void {
    const f = fixed
    if (kind === JobKind.Gemm) this.local.gemmPacked(f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, f[5]!, from, to, tile)
    else this.local.sparseRows(f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, f[5]!, f[6]!, from, to)
  }

  size(): number {
    return this.workers.length
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate()
    this.workers.length = 0
  }
}
