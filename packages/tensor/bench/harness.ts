/** Small timing helpers for benchmarks: warm up, then take the median of several timed batches. */

export interface Timing {
  /** Median seconds per call. */
  seconds: number
  calls: number
}

export function measure(fn: () => void, { minSeconds = 0.25, batches = 7 } = {}): Timing {
  // Let the JIT settle first: tiny ops are only fast once optimised.
  const start = performance.now()
  for (let i = 0; ; i++) {
    const elapsed = performance.now() - start
    if (elapsed > 300 && (i >= 2000 || elapsed > 2000)) break
    fn()
  }
  // Find a batch size that runs for roughly minSeconds / batches.
  let perBatch = 1
  for (;;) {
    const t0 = performance.now()
    for (let i = 0; i < perBatch; i++) fn()
    const elapsed = (performance.now() - t0) / 1000
    if (elapsed > minSeconds / batches || perBatch > 1e7) break
    perBatch *= 2
  }
  const samples: number[] = []
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < perBatch; i++) fn()
    samples.push((performance.now() - t0) / 1000 / perBatch)
  }
  samples.sort((x, y) => x - y)
  return { seconds: samples[Math.floor(samples.length / 2)]!, calls: perBatch * batches }
}

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a'
  return value >= 100 ? value.toFixed(0) : value.toFixed(digits)
}
