import { tensor } from '@gradschool/tensor'

export function tanhNeuronGradients(x: number[], w: number[], b: number, y: number): number[] {
  const inputs = tensor(x, { dtype: 'float64' })
  const weights = tensor(w, { dtype: 'float64', requiresGrad: true })
  const bias = tensor(b, { dtype: 'float64', requiresGrad: true })

  const prediction = inputs.mul(weights).sum().add(bias).tanh()
  const loss = prediction.sub(y).square()
  loss.backward()

  return [...weights.grad!.data, bias.grad!.item()]
}
