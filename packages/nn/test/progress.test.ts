import { describe, expect, it } from 'vitest'
import { formatProgress, ProgressBar } from '../src/progress/index.js'

function recorder(isTTY: boolean) {
  const writes: string[] = []
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } }
}

describe('ProgressBar', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { writes, stream } = recorder(false)
    const bar = new ProgressBar({ total: 3, stream })
    bar.startEpoch(1)
    for (let b = 1; b <= 3; b++) bar.update(b, 64, 0.5)
    bar.clear()
    expect(bar.enabled).toBe(false)
    expect(writes).toEqual([])
  })

  it('writes nothing when quiet, even on a terminal, or without a stream', () => {
    const { writes, stream } = recorder(true)
    const quiet = new ProgressBar({ total: 2, stream, quiet: true })
    quiet.startEpoch(1)
    quiet.update(2, 8, 1)
    expect(writes).toEqual([])
    expect(new ProgressBar({ total: 2 }).enabled).toBe(false)
  })

  it('redraws one line on a terminal, at most once per interval, always at the end', () => {
    let now = 0
    const { writes, stream } = recorder(true)
    const bar = new ProgressBar({ total: 4, epochs: 2, stream, interval: 100, now: () => now })
    bar.startEpoch(2)
    now = 500
    bar.update(1, 100, 0.25)
    now = 550
    bar.update(2, 100, 0.2) // within the interval: skipped
    now = 1000
    bar.update(4, 100, 0.125) // last batch: always drawn
    bar.clear()
    expect(writes.length).toBe(3)
    expect(writes[0]!.startsWith('\r\x1b[2Kepoch 2/2 [')).toBe(true)
    expect(writes[0]).toContain('1/4  loss 0.2500  200 samples/s')
    expect(writes[1]).toContain('4/4  loss 0.1250  300 samples/s')
    expect(writes[2]).toBe('\r\x1b[2K')
  })

  it('falls back to 80 columns when the terminal reports none', () => {
    const writes: string[] = []
    const bar = new ProgressBar({
      total: 1,
      stream: { isTTY: true, columns: 0, write: (t) => writes.push(t) },
    })
    bar.startEpoch(1)
    bar.update(1, 10)
    expect(writes[0]).toContain('epoch 1 [')
  })
})

describe('formatProgress', () => {
  it('fills the bar in proportion to the batches done and fits the width', () => {
    const line = formatProgress({ epoch: 1, batch: 5, total: 10, loss: 1.5, samplesPerSecond: 12345.6 }, 80)
    expect(line).toMatch(/^epoch 1 \[█+░+\] {3}5\/10 {2}loss 1\.5000 {2}12,346 samples\/s$/)
    const filled = line.split('█').length - 1
    const empty = line.split('░').length - 1
    expect(filled).toBe(empty)
    expect(formatProgress({ epoch: 1, batch: 5, total: 10 }, 20).length).toBeLessThanOrEqual(19)
  })
})
