/**
 * Graphs are freed by backward(): after thousands of training steps no intermediate tensor
 * survives a garbage collection, even while the last loss is still referenced. Uses V8's gc(),
 * switched on for this process through node:v8, and WeakRefs to watch the graph tensors.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { manualSeed, noGrad, randn, type Tensor, tensor, zeros } from '../src/index.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** WeakRef targets stay alive until the current job ends, so yield to the event loop between collections. */
async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    gc()
  }
}

function tinyModel() {
  manualSeed(5)
  const params = [
    randn([2, 3]).requiresGrad_(),
    zeros([3], { requiresGrad: true }),
    randn([3, 1]).requiresGrad_(),
  ]
  const [w1, b1, w2] = params as [Tensor, Tensor, Tensor]
  const x = tensor([
    [0, 1],
    [1, 0],
  ])
  const y = tensor([[1], [0]])
  /** One training step; returns the loss and the hidden activation (a graph tensor to watch). */
  const step = (retainGraph: boolean) => {
    const hidden = x.matmul(w1).add(b1).tanh()
    const loss = hidden.matmul(w2).sub(y).square().mean()
    for (const p of params) p.grad = null
    loss.backward(undefined, { retainGraph })
    noGrad(() => {
      for (const p of params) p.sub_(p.grad!, 0.1)
    })
    return { loss, hidden }
  }
  return step
}

describe('memory', () => {
  it('the WeakRef probe sees graphs that are still reachable (control)', async () => {
    const train = () => {
      const step = tinyModel()
      const kept: Tensor[] = []
      const watched: WeakRef<Tensor>[] = []
      for (let i = 0; i < 50; i++) {
        const { loss, hidden } = step(true)
        kept.push(loss)
        watched.push(new WeakRef(hidden))
      }
      return { kept, watched }
    }
    const { kept, watched } = train()
    await collectGarbage()
    // With retainGraph the kept losses hold on to their whole graphs, hidden tensors included.
    expect(watched.filter((w) => w.deref() !== undefined).length).toBe(50)
    expect(kept.length).toBe(50)
  })

  it('thousands of training steps leave no graph tensor alive, not even under the last loss', async () => {
    // Trained in a plain function: a suspended async function keeps its locals (and so the
    // last step's tensors) alive, which would hide what the library itself keeps.
    const train = () => {
      const step = tinyModel()
      const watched: WeakRef<Tensor>[] = []
      let last: Tensor | null = null
      for (let i = 0; i < 3000; i++) {
        const { loss, hidden } = step(false)
        if (i % 100 === 99) watched.push(new WeakRef(hidden))
        last = loss
      }
      return { watched, last: last! }
    }
    const { watched, last } = train()
    await collectGarbage()
    expect(watched.length).toBe(30)
    expect(watched.filter((w) => w.deref() !== undefined).length).toBe(0)
    expect(last.item()).toBeGreaterThanOrEqual(0)
  })
})
