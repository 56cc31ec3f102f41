/**
 * The activation functions the course plots, each evaluated with @gradschool/tensor; the
 * derivative comes from autograd, so the plot shows exactly what backward() computes.
 */
import { linspace, type Tensor } from '@gradschool/tensor'

export const ACTIVATIONS = {
  relu: (x: Tensor) => x.relu(),
  leakyRelu: (x: Tensor) => x.leakyRelu(0.1),
  sigmoid: (x: Tensor) => x.sigmoid(),
  tanh: (x: Tensor) => x.tanh(),
  gelu: (x: Tensor) => x.gelu(),
  softplus: (x: Tensor) => x.softplus(),
} satisfies Record<string, (x: Tensor) => Tensor>

export type ActivationName = keyof typeof ACTIVATIONS

export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && Object.hasOwn(ACTIVATIONS, name)
}

export interface ActivationCurve {
  name: ActivationName
  xs: number[]
  values: number[]
  derivative: number[]
}

export function activationCurve(name: ActivationName, range = 4, samples = 161): ActivationCurve {
  const x = linspace(-range, range, samples, { dtype: 'float64', requiresGrad: true })
  const y = ACTIVATIONS[name](x)
  y.sum().backward()
  return {
    name,
    xs: Array.from(x.data),
    values: Array.from(y.data),
    derivative: Array.from(x.grad!.data),
  }
}
