import { fmtShape, TensorError } from './errors.js'
import { sameShape } from './shape.js'
import type { Tensor } from './tensor.js'

/**
 * How a non-leaf tensor was made: its inputs and the closure that turns the gradient of the
 * output into gradients of the inputs. Ops create it right beside their forward computation.
 */
export interface GradNode {
  readonly name: string
  inputs: readonly Tensor[]
  /** Returns one gradient per input (null where an input needs none). Null once freed. */
  backward: ((grad: Tensor) => readonly (Tensor | null)[]) | null
}

let gradEnabled = true

export function isGradEnabled(): boolean {
  return gradEnabled
}

/** Runs `fn` without recording operations for autograd (like `torch.no_grad()`). */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled
  gradEnabled = false
  try {
    return fn()
  } finally {
    gradEnabled = previous
  }
}

/** Runs `fn` with gradient recording switched on or off. */
export function setGradEnabled<T>(enabled: boolean, fn: () => T): T {
  const previous = gradEnabled
  gradEnabled = enabled
  try {
    return fn()
  } finally {
    gradEnabled = previous
  }
}

/** Attaches a backward closure to `out` when grad mode is on and any input requires grad. */
export function track(
  out: Tensor,
  name: string,
  inputs: readonly Tensor[],
  backward: (grad: Tensor) => readonly (Tensor | null)[],
): Tensor {
  if (!gradEnabled) return out
  for (let i = 0; i < inputs.length; i++) {
    if (inputs[i]!.requiresGrad) {
      out.requiresGrad = true
      out.gradNode = { name, inputs, backward }
      return out
    }
  }
  return out
}

export interface BackwardOptions {
  /** Keep the graph so backward can run through it again (costs memory). */
  retainGraph?: boolean
}

/** Reverse-mode differentiation from `root`: a topological sort and one reverse sweep. */
export function runBackward(root: Tensor, gradient: Tensor | undefined, options: BackwardOptions): void {
  if (!root.requiresGrad) {
    throw new TensorError(
      'backward',
      'this tensor does not require grad and has no graph; create its inputs with { requiresGrad: true }',
    )
  }
  let seed: Tensor
  if (gradient === undefined) {
    if (root.numel() !== 1) {
      throw new TensorError(
        'backward',
        `grad can be implicitly created only for a single-element output, but this tensor has shape ${fmtShape(root.shape)}; pass a gradient of that shape`,
      )
    }
    seed = root.onesLikeInternal()
  } else {
    if (!sameShape(gradient.shape, root.shape)) {
      throw new TensorError(
        'backward',
        `gradient shape ${fmtShape(gradient.shape)} does not match tensor shape ${fmtShape(root.shape)}`,
      )
    }
    seed = gradient.detach()
  }

  const order = topologicalOrder(root)
  const grads = new Map<Tensor, Tensor>()
  grads.set(root, seed)
  const retain = options.retainGraph === true
  const previous = gradEnabled
  gradEnabled = false
  try {
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i]!
      const g = grads.get(t)
      if (g === undefined) continue
      grads.delete(t)
      const node = t.gradNode
      if (node === null) {
        t.accumulateGrad(g)
        continue
      }
      if (t.retainsGrad) t.accumulateGrad(g)
      const fn = node.backward
      if (fn === null) throw freedError(node.name)
      const inputGrads = fn(g)
      const inputs = node.inputs
      for (let j = 0; j < inputs.length; j++) {
        const input = inputs[j]!
        const ig = inputGrads[j]
        if (!input.requiresGrad || ig === null || ig === undefined) continue
        const existing = grads.get(input)
        grads.set(input, existing === undefined ? ig : existing.add(ig))
      }
      if (!retain) {
        node.backward = null
        node.inputs = []
      }
    }
  } finally {
    gradEnabled = previous
  }
}

function freedError(name: string): TensorError {
  return new TensorError(
    'backward',
    `trying to backward through the graph a second time (through ${name}): its saved values were freed by the first backward(); call backward({ retainGraph: true }) the first time if you need to`,
  )
}

function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = []
  const visited = new Set<Tensor>()
  // Iterative DFS: deep graphs (long RNN unrolls) must not overflow the stack.
  const stack: { t: Tensor; next: number }[] = [{ t: root, next: 0 }]
  visited.add(root)
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    const node = top.t.gradNode
    if (node !== null && node.backward === null) throw freedError(node.name)
    const inputs = node === null ? [] : node.inputs
    if (top.next < inputs.length) {
      const child = inputs[top.next++]!
      if (child.requiresGrad && !visited.has(child)) {
        visited.add(child)
        stack.push({ t: child, next: 0 })
      }
    } else {
      order.push(top.t)
      stack.pop()
    }
  }
  return order
}
