import { manualSeed, type Tensor, zeros } from '@gradschool/tensor'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  Conv2d,
  calculateFanInAndFanOut,
  calculateGain,
  Embedding,
  GRU,
  kaimingNormal,
  kaimingUniform,
  Linear,
  xavierNormal,
  xavierUniform,
} from '../src/index.js'

function stats(t: Tensor): { mean: number; std: number; maxAbs: number } {
  const d = Array.from(t.data)
  const mean = d.reduce((a, b) => a + b, 0) / d.length
  const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length
  return { mean, std: Math.sqrt(variance), maxAbs: Math.max(...d.map(Math.abs)) }
}

/** Checks samples are within ±bound, fill it (max near the bound) and have the uniform's std bound/√3. */
function expectUniform(t: Tensor, bound: number): void {
  const s = stats(t)
  expect(s.maxAbs).toBeLessThanOrEqual(bound * (1 + 1e-6))
  expect(s.maxAbs).toBeGreaterThan(bound * 0.97)
  expect(Math.abs(s.mean)).toBeLessThan(bound * 0.05)
  expect(s.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1)
}

function expectNormal(t: Tensor, std: number): void {
  const s = stats(t)
  expect(Math.abs(s.mean)).toBeLessThan(std * 0.05)
  expect(s.std / std).toBeCloseTo(1, 1)
}

beforeEach(() => manualSeed(3))

describe('gains and fans', () => {
  it('match PyTorch', () => {
    expect(calculateGain('linear')).toBe(1)
    expect(calculateGain('sigmoid')).toBe(1)
    expect(calculateGain('tanh')).toBe(5 / 3)
    expect(calculateGain('relu')).toBe(Math.SQRT2)
    expect(calculateGain('leakyRelu', 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 15)
    expect(calculateGain('leakyRelu')).toBeCloseTo(Math.sqrt(2 / 1.0001), 15)
    expect(calculateGain('selu')).toBe(0.75)
    expect(calculateFanInAndFanOut(zeros(8, 3, 5, 5))).toEqual([75, 200])
    expect(calculateFanInAndFanOut(zeros(10, 4))).toEqual([4, 10])
    expect(() => calculateFanInAndFanOut(zeros(3))).toThrow(/at least 2 dims, got shape \[3\]/)
  })
})

describe('initialisers', () => {
  it('xavierUniform: U(±gain·√(6/(fanIn+fanOut)))', () => {
    expectUniform(xavierUniform(zeros(200, 300)), Math.sqrt(6 / 500))
    expectUniform(xavierUniform(zeros(200, 300), 2), 2 * Math.sqrt(6 / 500))
  })

  it('xavierNormal: N(0, gain²·2/(fanIn+fanOut))', () => {
    expectNormal(xavierNormal(zeros(200, 300), 1.5), 1.5 * Math.sqrt(2 / 500))
  })

  it('kaimingUniform: U(±gain·√(3/fan)) with mode and nonlinearity', () => {
    expectUniform(kaimingUniform(zeros(300, 150)), Math.sqrt(2) * Math.sqrt(3 / 150))
    expectUniform(
      kaimingUniform(zeros(300, 150), { mode: 'fanOut', nonlinearity: 'relu' }),
      Math.sqrt(2) * Math.sqrt(3 / 300),
    )
    expectUniform(kaimingUniform(zeros(300, 150), { a: Math.sqrt(5) }), 1 / Math.sqrt(150))
  })

  it('kaimingNormal: N(0, gain²/fan)', () => {
    expectNormal(kaimingNormal(zeros(64, 8, 3, 3), { nonlinearity: 'relu' }), Math.sqrt(2 / 72))
    expectNormal(
      kaimingNormal(zeros(200, 100), { nonlinearity: 'tanh', mode: 'fanOut' }),
      5 / 3 / Math.sqrt(200),
    )
  })

  it('are reproducible from the seed and reject bad modes', () => {
    manualSeed(9)
    const a = Array.from(xavierUniform(zeros(3, 4)).data)
    manualSeed(9)
    expect(Array.from(xavierUniform(zeros(3, 4)).data)).toEqual(a)
    expect(() => kaimingUniform(zeros(2, 2), { mode: 'fan_in' as 'fanIn' })).toThrow(
      /mode must be 'fanIn' or 'fanOut'/,
    )
  })
})

describe('layer defaults (as PyTorch)', () => {
  it('Linear and Conv2d: weights and bias U(±1/√fanIn)', () => {
    const linear = new Linear(400, 300)
    expectUniform(linear.weight, 1 / 20)
    expect(stats(linear.bias!).maxAbs).toBeLessThanOrEqual(1 / 20)
    const conv = new Conv2d(16, 64, 5)
    expectUniform(conv.weight, 1 / Math.sqrt(400))
    expect(stats(conv.bias!).maxAbs).toBeLessThanOrEqual(1 / 20)
  })

  it('RNNs: every parameter U(±1/√hidden); Embedding: N(0, 1)', () => {
    const gru = new GRU(50, 100)
    expectUniform(gru.namedParameters().find(([n]) => n === 'weightHhL0')![1], 0.1)
    expectNormal(new Embedding(1000, 50).weight, 1)
  })
})
