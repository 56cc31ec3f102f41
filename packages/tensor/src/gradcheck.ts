import { noGrad } from './autograd.js'
import { fmtShape, TensorError } from './errors.js'
import { Tensor } from './tensor.js'

export interface GradcheckOptions {
  /** Finite-difference step. */
  eps?: number
  atol?: number
  rtol?: number
}

/**
 * Compares analytic gradients with central finite differences. The output is projected on
 * fixed pseudo-random weights first (so every output element matters, not just their sum).
 * Inputs should be float64 tensors with requiresGrad. Returns true or throws with the first
 * mismatch: which input, which element, both values.
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): true {
  const eps = options.eps ?? 1e-6
  const atol = options.atol ?? 1e-5
  const rtol = options.rtol ?? 1e-3
  const leaves = inputs.filter((t) => t.requiresGrad)
  if (leaves.length === 0) throw new TensorError('gradcheck', 'no input has requiresGrad=true')
  for (const t of leaves) {
    if (t.dtype !== 'float64')
      throw new TensorError('gradcheck', `inputs should be float64 for precise checks, got ${t.dtype}`)
  }
  const first = fn(...inputs)
  const weights = projectionWeights(first.numel())
  const project = (out: Tensor): number => {
    let s = 0
    for (let i = 0; i < out.data.length; i++) s += out.data[i]! * weights[i]!
    return s
  }
  for (const t of leaves) t.grad = null
  first.backward(new Tensor(Float64Array.from(weights), first.shape.slice(), 'float64').to(first.dtype))
  leaves.forEach((t, which) => {
    const analytic = t.grad?.data
    for (let i = 0; i < t.data.length; i++) {
      const saved = t.data[i]!
      const [plus, minus] = noGrad(() => {
        t.data[i] = saved + eps
        const p = project(fn(...inputs))
        t.data[i] = saved - eps
        const m = project(fn(...inputs))
        t.data[i] = saved
        return [p, m]
      })
      const numeric = (plus - minus) / (2 * eps)
      const got = analytic ? analytic[i]! : 0
      if (!(Math.abs(got - numeric) <= atol + rtol * Math.abs(numeric))) {
        throw new TensorError(
          'gradcheck',
          `input ${which} (shape ${fmtShape(t.shape)}), element ${i}: analytic gradient ${got} but numerical ${numeric}`,
        )
      }
    }
  })
  return true
}

function projectionWeights(n: number): number[] {
  // A small fixed LCG: deterministic and independent of the global random state.
  let s = 12345
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    out.push(0.5 + (s / 4294967296) * 1.5)
  }
  return out
}
