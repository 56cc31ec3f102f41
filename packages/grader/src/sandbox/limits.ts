/** Resource limits of one sandboxed run. Every field can be overridden per grade. */
export interface SandboxLimits {
  /** CPU time the submission may use across loading and all calls (milliseconds). */
  timeMs: number
  /** Heap limit of the sandbox runtime (bytes). */
  memoryBytes: number
  /** Maximum stack size (bytes); deep recursion fails with a clear message instead of crashing. */
  stackBytes: number
  /** Characters of console output kept; printing more is an error. */
  outputChars: number
}

export const DEFAULT_LIMITS: SandboxLimits = {
  timeMs: 2000,
  memoryBytes: 64 * 1024 * 1024,
  stackBytes: 256 * 1024,
  outputChars: 64 * 1024,
}

/** The time `Date.now()` and `new Date()` report inside the sandbox: 2024-01-01T00:00:00Z. */
export const SANDBOX_NOW = Date.UTC(2024, 0, 1)
