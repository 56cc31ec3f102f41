// `performance` exists in browsers, Node and workers alike; the package compiles without DOM or Node types.
declare const performance: { now(): number }

/** Monotonic milliseconds, for the sandbox's CPU-time budget. */
export function now(): number {
  return performance.now()
}
