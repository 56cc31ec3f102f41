import { Tensor } from '@gradschool/tensor'
import { RandomGenerator } from '../data/generator.js'

export interface SineForecastOptions {
  /** Number of (window, next value) pairs (default 500). */
  n?: number
  /** Length of each input window (default 20). */
  window?: number
  /** Time between samples, in radians of the sine (default 0.1). */
  step?: number
  /** Standard deviation of the noise added to every sample (default 0.05). */
  noise?: number
  seed?: number
}

/**
 * Forecasting a noisy sine wave: `x[i]` holds `window` consecutive samples (float32
 * [n, window]) and `y[i]` the sample that follows them (float32 [n, 1]). Windows slide by one
 * sample along a single series with a random phase. Reshape x to [n, window, 1] for recurrent
 * models.
 */
export function sineForecast(options: SineForecastOptions = {}): { x: Tensor; y: Tensor } {
  const { n = 500, window = 20, step = 0.1, noise = 0.05, seed = 0 } = options
  if (!Number.isInteger(n) || n < 1) throw new Error(`sineForecast: n must be a positive integer, got ${n}`)
  if (!Number.isInteger(window) || window < 1) {
    throw new Error(`sineForecast: window must be a positive integer, got ${window}`)
  }
  const random = new RandomGenerator(seed)
  const phase = random.uniform(0, 2 * Math.PI)
  const series = new Float32Array(n + window)
  for (let t = 0; t < series.length; t++) series[t] = Math.sin(phase + t * step) + random.normal(0, noise)
  const x = new Float32Array(n * window)
  const y = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    x.set(series.subarray(i, i + window), i * window)
    y[i] = series[i + window]!
  }
  return { x: new Tensor(x, [n, window], 'float32'), y: new Tensor(y, [n, 1], 'float32') }
}
