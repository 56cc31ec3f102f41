import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core'
import { now } from './clock.js'
import { HARNESS_SOURCE } from './harness.js'
import { DEFAULT_LIMITS, SANDBOX_NOW, type SandboxLimits } from './limits.js'
import { decodeFromSandbox, type PlainValue } from './values.js'

/** Why a run inside the sandbox did not produce a value. */
export type SandboxFailure =
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'memory'; limitBytes: number }
  | { kind: 'stack'; limitBytes: number }
  | { kind: 'output'; limitChars: number }
  /** The code threw: `text` is `Name: message` for Errors, an inspection of anything else thrown. */
  | { kind: 'thrown'; text: string; stack: string; isError: boolean }

export type SandboxOutcome<T> = { ok: true; value: T } | { ok: false; failure: SandboxFailure }

export interface SessionOptions {
  limits?: Partial<SandboxLimits>
  /** Seeds `Math.random` (and the tensor library's generator) inside the sandbox. */
  seed?: number
}

const LIBRARY_FILE = 'gradschool-libraries.js'
const JOB_BATCH = 256

/**
 * One isolated QuickJS runtime + context for one program (a submission, a reference, a lesson
 * block). Nothing from the host is reachable inside except `console` output and the `require`
 * for the two course libraries. All CPU time spent inside counts against `limits.timeMs`.
 */
export class SandboxSession {
  readonly limits: SandboxLimits
  private readonly runtime: QuickJSRuntime
  private readonly context: QuickJSContext
  private readonly harness: QuickJSHandle
  private exportsHandle: QuickJSHandle | undefined
  private remainingMs: number
  private deadline = Number.POSITIVE_INFINITY
  private outputText = ''
  private outputOverflow = false
  private timedOut = false
  private librariesLoaded = false
  private disposed = false

  constructor(module: QuickJSWASMModule, options: SessionOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits }
    this.remainingMs = this.limits.timeMs
    this.runtime = module.newRuntime()
    this.runtime.setMemoryLimit(this.limits.memoryBytes)
    this.runtime.setMaxStackSize(this.limits.stackBytes)
    this.runtime.setInterruptHandler(() => {
      if (this.outputOverflow) return true
      if (now() > this.deadline) this.timedOut = true
      return this.timedOut
    })
    this.context = this.runtime.newContext()
    this.harness = this.installHarness(options.seed ?? 0)
  }

  /** Console output printed so far (capped at `limits.outputChars`). */
  get output(): string {
    return this.outputText
  }

  get hasLibraries(): boolean {
    return this.librariesLoaded
  }

  private installHarness(seed: number): QuickJSHandle {
    const ctx = this.context
    const factory = ctx.unwrapResult(ctx.evalCode(HARNESS_SOURCE, 'gradschool-harness.js'))
    const print = ctx.newFunction('print', (text) => {
      this.appendOutput(ctx.typeof(text) === 'string' ? ctx.getString(text) : '')
    })
    const seedHandle = ctx.newNumber(seed >>> 0)
    const now = ctx.newNumber(SANDBOX_NOW)
    try {
      return ctx.unwrapResult(ctx.callFunction(factory, ctx.undefined, print, seedHandle, now))
    } finally {
      for (const handle of [factory, print, seedHandle, now]) handle.dispose()
    }
  }

  private appendOutput(text: string): void {
    if (this.outputOverflow) return
    const room = this.limits.outputChars - this.outputText.length
    if (text.length > room) {
      this.outputText += text.slice(0, Math.max(0, room))
      this.outputOverflow = true
      return
    }
    this.outputText += text
  }

  /** Evaluates the library bundle (an IIFE defining `__gradschoolLibraries`) and enables `require`. */
  loadLibraries(bundleSource: string): SandboxOutcome<void> {
    if (this.librariesLoaded) return { ok: true, value: undefined }
    const evaluated = this.enter(() => this.context.evalCode(bundleSource, LIBRARY_FILE))
    if (evaluated.error) return { ok: false, failure: this.failureOf(evaluated.error) }
    evaluated.value.dispose()
    const adopted = this.callHarness('adoptLibraries', [])
    if (!adopted.ok) return adopted
    adopted.value.dispose()
    this.librariesLoaded = true
    return { ok: true, value: undefined }
  }

  /**
   * Runs CommonJS code (TypeScript already stripped to `require`/`exports`) and keeps its
   * exports. The wrapper sits on the code's first line so line numbers stay the student's.
   */
  evaluateModule(commonJsCode: string, filename: string): SandboxOutcome<void> {
    const ctx = this.context
    const wrapped = `(function (exports, require, module) {${commonJsCode}\n})`
    const compiled = this.enter(() => ctx.evalCode(wrapped, filename))
    if (compiled.error) return { ok: false, failure: this.failureOf(compiled.error) }
    const moduleObject = ctx.newObject()
    const exportsObject = ctx.newObject()
    ctx.setProp(moduleObject, 'exports', exportsObject)
    const require = ctx.getProp(this.harness, 'require')
    try {
      const ran = this.enter(() =>
        ctx.callFunction(compiled.value, ctx.undefined, exportsObject, require, moduleObject),
      )
      if (ran.error) return { ok: false, failure: this.failureOf(ran.error) }
      ran.value.dispose()
      const drained = this.drainJobs()
      if (!drained.ok) return drained
      // `module.exports = …` replaces the object; read it back through the harness's own lookup.
      const lookup = this.callHarness('lookup', [moduleObject, 'exports'])
      if (!lookup.ok) return lookup
      this.exportsHandle?.dispose()
      this.exportsHandle = lookup.value
      return { ok: true, value: undefined }
    } finally {
      for (const handle of [compiled.value, moduleObject, exportsObject, require]) handle.dispose()
    }
  }

  /** What the module exports under `name`: a function, something else, or nothing. */
  exportKind(name: string): 'function' | 'missing' | 'other' {
    if (!this.exportsHandle) return 'missing'
    const found = this.callHarness('lookup', [this.exportsHandle, name])
    if (!found.ok) return 'missing'
    const type = this.context.typeof(found.value)
    found.value.dispose()
    return type === 'function' ? 'function' : type === 'undefined' ? 'missing' : 'other'
  }

  /**
   * Calls an exported function with arguments encoded by `encodeForSandbox`, waits for a
   * returned Promise to settle, and returns a snapshot of the result.
   */
  callExport(name: string, encodedArgs: string, seed: number): SandboxOutcome<PlainValue> {
    if (!this.exportsHandle) throw new Error('callExport before a successful evaluateModule')
    const fn = this.callHarness('lookup', [this.exportsHandle, name])
    if (!fn.ok) return fn
    const result = this.callHarness('call', [fn.value, encodedArgs, seed >>> 0])
    fn.value.dispose()
    if (!result.ok) return result
    try {
      const settled = this.settle(result.value)
      if (!settled.ok) return settled
      return this.snapshot(settled.value)
    } finally {
      result.value.dispose()
    }
  }

  /** Runs queued promise jobs (async code) within the time budget. */
  private drainJobs(): SandboxOutcome<void> {
    for (;;) {
      if (!this.runtime.hasPendingJob()) return { ok: true, value: undefined }
      const ran = this.enter(() => this.runtime.executePendingJobs(JOB_BATCH))
      if (ran.error) {
        const failure = this.failureOf(ran.error)
        return { ok: false, failure }
      }
      if (this.timedOut) return { ok: false, failure: { kind: 'timeout', limitMs: this.limits.timeMs } }
      if (this.outputOverflow)
        return { ok: false, failure: { kind: 'output', limitChars: this.limits.outputChars } }
    }
  }

  /** A borrowed handle in, a borrowed handle out (the promise's value is owned by `settled`). */
  private settle(value: QuickJSHandle): SandboxOutcome<QuickJSHandle> {
    const drained = this.drainJobs()
    if (!drained.ok) return drained
    const state = this.context.getPromiseState(value)
    if (state.type === 'fulfilled') {
      if (state.notAPromise) return { ok: true, value }
      // The fulfilled value's handle is owned here; keep it alive by duplicating into the result.
      const copy = state.value.dup()
      state.value.dispose()
      return { ok: true, value: copy }
    }
    if (state.type === 'rejected') return { ok: false, failure: this.failureOf(state.error) }
    return {
      ok: false,
      failure: { kind: 'thrown', text: 'returned a Promise that never settles', stack: '', isError: false },
    }
  }

  private snapshot(value: QuickJSHandle): SandboxOutcome<PlainValue> {
    const encoded = this.callHarness('encode', [value])
    if (!encoded.ok) return encoded
    const text =
      this.context.typeof(encoded.value) === 'string' ? this.context.getString(encoded.value) : 'null'
    encoded.value.dispose()
    return { ok: true, value: decodeFromSandbox(text) }
  }

  /** Calls a harness capability with host arguments (handles are borrowed, not consumed). */
  private callHarness(
    name: string,
    args: (QuickJSHandle | string | number)[],
  ): SandboxOutcome<QuickJSHandle> {
    const ctx = this.context
    const fn = ctx.getProp(this.harness, name)
    const owned: QuickJSHandle[] = []
    const handles = args.map((arg) => {
      if (typeof arg === 'string') return owned[owned.push(ctx.newString(arg)) - 1]!
      if (typeof arg === 'number') return owned[owned.push(ctx.newNumber(arg)) - 1]!
      return arg
    })
    try {
      const result = this.enter(() => ctx.callFunction(fn, ctx.undefined, handles))
      if (result.error) return { ok: false, failure: this.failureOf(result.error) }
      return { ok: true, value: result.value }
    } finally {
      fn.dispose()
      for (const handle of owned) handle.dispose()
    }
  }

  /** Runs `work` inside the sandbox with the remaining time budget as its deadline. */
  private enter<T>(work: () => T): T {
    if (this.disposed) throw new Error('sandbox session used after dispose')
    const started = now()
    this.deadline = started + Math.max(0, this.remainingMs)
    try {
      return work()
    } finally {
      this.remainingMs -= now() - started
      this.deadline = Number.POSITIVE_INFINITY
    }
  }

  /** Classifies an error handle (and disposes it). */
  private failureOf(error: QuickJSHandle): SandboxFailure {
    try {
      if (this.outputOverflow) return { kind: 'output', limitChars: this.limits.outputChars }
      if (this.timedOut) return { kind: 'timeout', limitMs: this.limits.timeMs }
      const described = this.describe(error)
      if (described.isError && /^InternalError: out of memory/.test(described.text)) {
        return { kind: 'memory', limitBytes: this.limits.memoryBytes }
      }
      if (described.isError && /stack overflow/.test(described.text)) {
        return { kind: 'stack', limitBytes: this.limits.stackBytes }
      }
      return { kind: 'thrown', ...described }
    } finally {
      error.dispose()
    }
  }

  private describe(error: QuickJSHandle): { text: string; stack: string; isError: boolean } {
    const ctx = this.context
    const fn = ctx.getProp(this.harness, 'describeError')
    // Describing runs harness code only; give it a fresh short deadline of its own.
    const saved = this.remainingMs
    this.remainingMs = Math.max(this.remainingMs, 100)
    const result = this.enter(() => ctx.callFunction(fn, ctx.undefined, error))
    this.remainingMs = Math.min(saved, this.remainingMs)
    fn.dispose()
    if (result.error) {
      result.error.dispose()
      // Describing failed: the runtime is exhausted (typically out of memory right at the limit).
      return { text: 'InternalError: out of memory', stack: '', isError: true }
    }
    const text = ctx.typeof(result.value) === 'string' ? ctx.getString(result.value) : '{}'
    result.value.dispose()
    const parsed = JSON.parse(text) as { error?: boolean; text?: string; stack?: string }
    return {
      text: String(parsed.text ?? ''),
      stack: String(parsed.stack ?? ''),
      isError: parsed.error === true,
    }
  }

  dispose(): void {
    if (this.disposed) return
    this.exportsHandle?.dispose()
    this.harness.dispose()
    this.context.dispose()
    this.runtime.dispose()
    this.disposed = true
  }
}
