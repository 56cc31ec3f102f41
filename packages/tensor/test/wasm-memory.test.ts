/**
 * Optimizer state lives in the wasm module's memory: views stay valid while the memory grows,
 * fused steps update them in place, and blocks the collector finalizes are reused, so creating
 * and dropping optimizers does not grow the memory.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createWasmBackend } from '../src/backend/wasm/index.js'
import { compileSync, Heap } from '../src/backend/wasm/instance.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Finalization callbacks run as tasks, so yield to the event loop around each collection. */
async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    gc()
  }
  await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('resident optimizer state', () => {
  it('views are zero-filled, stay valid while the memory grows, and are told apart from other arrays', () => {
    const heap = new Heap(compileSync(true).memory)
    const state = heap.allocResident(1000)
    expect(state.every((x) => x === 0)).toBe(true)
    state.fill(2.5)
    const before = heap.memory.buffer.byteLength
    heap.reset()
    heap.alloc(4_000_000) // 16 MB of scratch: the memory must grow
    expect(heap.memory.buffer.byteLength).toBeGreaterThan(before)
    expect(state.length).toBe(1000)
    expect(state.every((x) => x === 2.5)).toBe(true)
    expect(heap.residentOffset(state)).toBeGreaterThan(0)
    expect(heap.residentOffset(new Float32Array(1000))).toBeUndefined()
    // Scratch is laid out above resident state, never over it.
    heap.reset()
    heap.put(new Float32Array(2000).fill(-1))
    expect(state.every((x) => x === 2.5)).toBe(true)
  })

  it('blocks dropped by their owners are reused: a thousand optimizers later the memory has not grown', async () => {
    const heap = new Heap(compileSync(true).memory)
    const keep = heap.allocResident(10)
    let firstOffsets: number[] = []
    let sizeAfterFirstRound = 0
    for (let round = 0; round < 10; round++) {
      let states: Float32Array[] | null = Array.from({ length: 100 }, () => heap.allocResident(5000))
      if (round === 0) {
        firstOffsets = states.map((s) => heap.residentOffset(s)!)
        sizeAfterFirstRound = heap.memory.buffer.byteLength
      }
      states = null
      await collectGarbage()
    }
    // A new block after the collections lands where the first round's blocks were.
    const again = heap.allocResident(5000)
    expect(heap.residentOffset(again)).toBe(Math.min(...firstOffsets))
    expect(heap.memory.buffer.byteLength).toBe(sizeAfterFirstRound)
    expect(keep.length).toBe(10)
  })

  it('a fused Adam step updates resident state in place, and copies other state back out', () => {
    for (const shared of [true, false]) {
      const backend = createWasmBackend(compileSync(shared))
      backend.setCutoffs({ elementwise: 0 })
      const n = 37
      const param = Float32Array.from({ length: n }, (_, i) => Math.sin(i))
      const grad = Float32Array.from({ length: n }, (_, i) => Math.cos(3 * i))
      const m = backend.allocateState(n, 'float32') as Float32Array
      const v = backend.allocateState(n, 'float32') as Float32Array
      const hyper = {
        lr: 0.01,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        weightDecay: 0,
        decoupled: false,
        step: 1,
      }
      const start = Float32Array.from(param)
      backend.adamStep(param, grad, m, v, null, hyper)
      for (let i = 0; i < n; i++) {
        // First step: m = 0.1g, v = 0.001g², so p moves by lr·sign(g) (up to eps).
        expect(m[i]).toBeCloseTo(0.1 * grad[i]!, 7)
        expect(v[i]).toBeCloseTo(0.001 * grad[i]! * grad[i]!, 9)
        expect(param[i]).toBeCloseTo(start[i]! - 0.01 * Math.sign(grad[i]!), 5)
      }
    }
  })
})
