/**
 * Weight initialisation, in place, with PyTorch's formulas (`torch.nn.init`). Values come from
 * the tensor package's seeded generator, so `manualSeed(n)` makes them reproducible.
 */
import { rand, randn, type Tensor, TensorError } from '@gradschool/tensor'

export type Nonlinearity = 'linear' | 'conv1d' | 'conv2d' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'selu'

export type FanMode = 'fanIn' | 'fanOut'

export interface KaimingOptions {
  /** Negative slope of the leaky ReLU that follows (only used with 'leakyRelu'). */
  a?: number
  /** 'fanIn' keeps the forward pass's variance, 'fanOut' the backward pass's. */
  mode?: FanMode
  nonlinearity?: Nonlinearity
}

/** The recommended gain for a nonlinearity (torch.nn.init.calculate_gain). */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'sigmoid':
      return 1
    case 'tanh':
      return 5 / 3
    case 'relu':
      return Math.SQRT2
    case 'leakyRelu': {
      const slope = param ?? 0.01
      return Math.sqrt(2 / (1 + slope * slope))
    }
    case 'selu':
      return 3 / 4
    default:
      throw new TensorError('calculateGain', `unknown nonlinearity ${JSON.stringify(nonlinearity)}`)
  }
}

/** [fanIn, fanOut] of a weight shaped [out, in, ...kernel]. */
export function calculateFanInAndFanOut(t: Tensor): [number, number] {
  if (t.ndim < 2) {
    throw new TensorError(
      'init',
      `fan in and fan out need a tensor with at least 2 dims, got shape [${t.shape.join(',')}]`,
    )
  }
  let receptive = 1
  for (let i = 2; i < t.ndim; i++) receptive *= t.shape[i]!
  return [t.shape[1]! * receptive, t.shape[0]! * receptive]
}

/** Fills `t` with samples from U(low, high). */
export function uniform(t: Tensor, low = 0, high = 1): Tensor {
  const r = rand([t.numel()], { dtype: 'float64' }).data
  const d = t.data
  for (let i = 0; i < d.length; i++) d[i] = low + (high - low) * r[i]!
  return t
}

/** Fills `t` with samples from N(mean, std²). */
export function normal(t: Tensor, mean = 0, std = 1): Tensor {
  const r = randn([t.numel()], { dtype: 'float64' }).data
  const d = t.data
  for (let i = 0; i < d.length; i++) d[i] = mean + std * r[i]!
  return t
}

export function constant(t: Tensor, value: number): Tensor {
  t.data.fill(value)
  return t
}

/** Glorot: U(±gain·√(6/(fanIn+fanOut))). */
export function xavierUniform(t: Tensor, gain = 1): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t)
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut))
  return uniform(t, -bound, bound)
}

/** Glorot: N(0, gain²·2/(fanIn+fanOut)). */
export function xavierNormal(t: Tensor, gain = 1): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t)
  return normal(t, 0, gain * Math.sqrt(2 / (fanIn + fanOut)))
}

function kaimingStd(op: string, t: Tensor, options: KaimingOptions): number {
  const mode = options.mode ?? 'fanIn'
  if (mode !== 'fanIn' && mode !== 'fanOut')
    throw new TensorError(op, `mode must be 'fanIn' or 'fanOut', got ${JSON.stringify(mode)}`)
  const [fanIn, fanOut] = calculateFanInAndFanOut(t)
  const gain = calculateGain(options.nonlinearity ?? 'leakyRelu', options.a ?? 0)
  return gain / Math.sqrt(mode === 'fanIn' ? fanIn : fanOut)
}

/** He: U(±gain·√(3/fan)), gain from the nonlinearity (leaky ReLU with slope `a` by default). */
export function kaimingUniform(t: Tensor, options: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd('kaimingUniform', t, options)
  return uniform(t, -bound, bound)
}

/** He: N(0, gain²/fan). */
export function kaimingNormal(t: Tensor, options: KaimingOptions = {}): Tensor {
  return normal(t, 0, kaimingStd('kaimingNormal', t, options))
}
