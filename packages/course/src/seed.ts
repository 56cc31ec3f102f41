/**
 * Deterministic per-student randomness. The same (student, challenge) pair always gets the same
 * variant, on every machine and in the browser, so a verdict can be replayed anywhere.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a (32-bit) over the UTF-8 bytes of the text. */
function fnv1a(text: string): number {
  let hash = FNV_OFFSET
  for (const byte of utf8(text)) {
    hash ^= byte
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash >>> 0
}

// TextEncoder is not in every runtime the course runs in (the sandbox), so encode by hand.
function* utf8(text: string): Generator<number> {
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (code < 0x80) yield code
    else if (code < 0x800) yield* [0xc0 | (code >> 6), 0x80 | (code & 63)]
    else if (code < 0x10000) yield* [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)]
    else
      yield* [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)]
  }
}

/** A stable 32-bit seed for one student's variant of one challenge. */
export function variantSeed(studentId: string, challengeId: string): number {
  // The separator keeps ('ab', 'c') and ('a', 'bc') apart.
  return fnv1a(`${studentId}\u0000${challengeId}`)
}

/** mulberry32: a small, well-mixed PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
