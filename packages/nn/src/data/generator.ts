/**
 * A small seedable random generator (sfc32) owned by its caller, so shuffles and toy datasets
 * are reproducible without touching the global generator behind `manualSeed`.
 */
export class RandomGenerator {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareNormal: number | null = null

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`RandomGenerator: seed must be a finite number, got ${seed}`)
    const s = Math.floor(seed) >>> 0
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162 ^ s
    this.d = s ^ 0x5bd1e995
    // The first outputs of sfc32 are poorly mixed; discard them.
    for (let i = 0; i < 16; i++) this.nextUint32()
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  uniform(low = 0, high = 1): number {
    return low + (this.nextUint32() / 4294967296) * (high - low)
  }

  /** Standard normal (Box–Muller), scaled by `std`. */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal
      this.spareNormal = null
      return mean + std * v
    }
    let u = 0
    while (u === 0) u = this.uniform()
    const v = this.uniform()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spareNormal = r * Math.sin(2 * Math.PI * v)
    return mean + std * r * Math.cos(2 * Math.PI * v)
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n)
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const order = new Int32Array(n)
    for (let i = 0; i < n; i++) order[i] = i
    this.shuffle(order)
    return order
  }

  shuffle<A extends { length: number; [i: number]: number }>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const tmp = array[i]!
      array[i] = array[j]!
      array[j] = tmp
    }
    return array
  }
}

/** A seed for callers that did not give one. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296)
}
