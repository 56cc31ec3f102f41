// Scratch: runs lessons 5–7 through the real grader (QuickJS), fixtures included.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../grader/node_modules/esbuild/lib/main.js'
import { loadCourse } from '../../course/src/node.ts'
import { renderVariant, outputsMatch, shuffleLines } from '../../course/src/index.ts'
import { grade, runProgram } from '../../grader/src/index.ts'

const root = '/work/main/exercises'
const only = process.argv[2]
const bundled = await build({ entryPoints: [new URL('./bundle-entry.ts', import.meta.url).pathname], bundle: true, format: 'iife', write: false, platform: 'neutral', target: 'es2020' })
const libraries = bundled.outputFiles[0]!.text
const { course, issues } = await loadCourse(root)
if (issues.length) console.log('ISSUES', issues)
let problems = 0
const bad = (m: string) => { problems++; console.log('  ✗', m) }
for (const lesson of course.lessons.filter((l) => l.number >= 5 && l.number <= 7 && (!only || l.slug.includes(only)))) {
  const md = readFileSync(join(root, `${String(lesson.number).padStart(2, '0')}-${lesson.slug}`, 'lesson.md'), 'utf8')
  const body = md.replace(/^---[\s\S]*?---/, '').replace(/```[\s\S]*?```/g, ' ').replace(/<!--[\s\S]*?-->/g, ' ')
  const words = body.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length
  console.log(`# ${lesson.number} ${lesson.slug}: ${words} words, ${lesson.codeBlocks.length} blocks, ${lesson.visuals.length} visuals, quiz ${lesson.quiz?.length}`)
  for (const block of lesson.codeBlocks) {
    if (block.expectedOutput === undefined) { if (block.runnable) console.log(`  block line ${block.line}: no output`); continue }
    const t = performance.now()
    const run = await runProgram(block.code, `lesson.md:${block.line}`, { libraries: () => Promise.resolve(libraries), limits: { timeMs: 20000 } })
    const ms = performance.now() - t
    if (!run.outcome.ok) bad(`block line ${block.line} failed: ${JSON.stringify(run.outcome.failure)}\n${run.output}`)
    else if (!outputsMatch(block.expectedOutput, run.output)) bad(`block line ${block.line} output differs:\n--- expected\n${block.expectedOutput}\n--- got\n${run.output}`)
    else console.log(`  block line ${block.line} ok (${ms.toFixed(0)} ms)`)
  }
  for (const ch of lesson.challenges) {
    const dir = join(root, ch.dir)
    let spec: unknown
    if (ch.spec) { const f = new URL(`./specs/${ch.slug}-${Date.now()}.ts`, import.meta.url).pathname; writeFileSync(f, renderVariant(ch, 'fixture').spec!); spec = (await import(f)).default }
    const opts = (student: string) => ({ studentId: student, spec, libraries: () => Promise.resolve(libraries) })
    const sub = (student: string, kind: string, payload: Record<string, unknown>) => ({ kind, ...payload }) as never
    const v = renderVariant(ch, 'fixture')
    const results: string[] = []
    const t = performance.now()
    if (ch.kind === 'predict-output') {
      const run = await runProgram(v.program!, 'program.ts', { libraries: () => Promise.resolve(libraries) })
      console.log(`  [${ch.slug}] fixture variant prints:\n${run.output.replace(/^/gm, '      ')}`)
      const r = await grade(ch, sub('fixture', 'predict-output', { output: run.output }), opts('fixture'))
      if (r.status !== 'pass') bad(`${ch.slug}: true output does not pass: ${r.message}`)
    } else {
      const ref = await grade(ch, sub('fixture', ch.kind === 'fill-in' ? 'fill-in' : ch.kind === 'reorder' ? 'reorder' : 'implement',
        ch.kind === 'fill-in' ? { blanks: Object.fromEntries(ch.blanks!.map((b) => [b.id, b.answer])) } : ch.kind === 'reorder' ? { lines: (await import('../../course/src/reorder.ts')).reorderRegion(v.reference).lines } : { code: v.reference }), opts('fixture'))
      if (ref.status !== 'pass') bad(`${ch.slug}: reference does not pass: ${ref.message}`)
      results.push(`ref ${ref.status}`)
      if (ch.kind === 'fix-bug' || ch.kind === 'implement') {
        if (v.starter) { const r = await grade(ch, sub('fixture', 'implement', { code: v.starter }), opts('fixture')); results.push(`starter ${r.status}`); if (r.status === 'pass') bad(`${ch.slug}: starter passes`) }
      }
      if (ch.kind === 'reorder') { const r = await grade(ch, sub('fixture', 'reorder', { lines: shuffleLines(ch, 'fixture') }), opts('fixture')); results.push(`shuffle ${r.status}`) }
    }
    const wrongDir = join(dir, 'wrong')
    const wrongs = existsSync(wrongDir) ? readdirSync(wrongDir) : []
    if (wrongs.length < 2) bad(`${ch.slug}: only ${wrongs.length} wrong fixtures`)
    for (const file of wrongs) {
      const text = readFileSync(join(wrongDir, file), 'utf8')
      let payload: Record<string, unknown>
      if (file.endsWith('.ts')) payload = { code: text }
      else if (file.endsWith('.txt')) payload = { output: text }
      else payload = JSON.parse(text)
      const kind = ch.kind === 'fix-bug' ? 'implement' : ch.kind
      const r = await grade(ch, sub('fixture', kind, payload), opts('fixture'))
      if (r.status === 'pass') bad(`${ch.slug}: wrong/${file} PASSES`)
      results.push(`${file} ${r.status}`)
      if (process.env.VERBOSE) console.log(`      ${file}: ${r.message.split('\n')[0]}`)
    }
    console.log(`  [${ch.slug}] ${ch.kind} ${ch.xp}xp ${ch.difficulty}: ${results.join(', ')} (${(performance.now() - t).toFixed(0)} ms)`)
  }
}
console.log(problems ? `${problems} PROBLEMS` : 'all good')
