// Scratch: every permutation of a reorder region, run on the spec's examples in-process.
import { writeFileSync } from 'node:fs'
import { transform } from '../../grader/node_modules/sucrase/dist/index.js'
import { loadCourse } from '../../course/src/node.ts'
import { renderVariant, reorderRegion, compareValues } from '../../course/src/index.ts'
import fc from 'fast-check'
import * as T from '../../tensor/src/index.ts'
import * as N from '../src/index.ts'

const { course } = await loadCourse('/work/main/exercises')
for (const ch of course.lessons.flatMap((l) => l.challenges).filter((c) => c.kind === 'reorder' && /^(loss|backprop|gradient-desc)/.test(c.lessonSlug))) {
  const v = renderVariant(ch, 'fixture')
  const f = new URL(`./specs/p-${ch.slug}-${Date.now()}.ts`, import.meta.url).pathname
  writeFileSync(f, v.spec!)
  const spec = (await import(f)).default
  const region = reorderRegion(v.reference)
  const load = (lines: string[]) => {
    const code = [...region.before, ...lines, ...region.after].join('\n')
    const js = transform(code, { transforms: ['typescript', 'imports'] }).code
    const mod = { exports: {} as Record<string, unknown> }
    new Function('exports', 'require', 'module', js)(mod.exports, (n: string) => (n === '@gradschool/tensor' ? T : N), mod)
    return mod.exports[ch.entry!] as (...a: unknown[]) => unknown
  }
  const ref = load(region.lines)
  const randomArgs = fc.sample(spec.args, { numRuns: 20, seed: 1 }) as unknown[][]
  const all = [...spec.examples, ...randomArgs]
  const perms = function* (xs: string[]): Generator<string[]> {
    if (xs.length <= 1) { yield xs; return }
    for (let i = 0; i < xs.length; i++) for (const rest of perms([...xs.slice(0, i), ...xs.slice(i + 1)])) yield [xs[i]!, ...rest]
  }
  let count = 0, passing = 0
  for (const p of perms(region.lines)) {
    count++
    if (p.every((l, i) => l === region.lines[i])) continue
    let ok = true
    try {
      const fn = load(p)
      for (const a of all) {
        let actual: unknown
        try { actual = fn(...structuredClone(a)) } catch { ok = false; break }
        const expected = ref(...structuredClone(a))
        if ((spec.check ? spec.check(a, actual, expected) : compareValues(actual, expected, spec.tolerance)) !== null) { ok = false; break }
      }
    } catch { ok = false }
    if (ok) { passing++; console.log(`${ch.id}: PASSING permutation:\n${p.join('\n')}\n`) }
  }
  console.log(`${ch.id}: ${count} permutations, ${passing} wrong ones pass`)
}
