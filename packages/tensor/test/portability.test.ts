/**
 * The package must run in the browser and in the grading sandbox: its source imports no Node
 * built-ins, and a bundle of it works in a bare JavaScript context without process or require.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { createContext, runInContext } from 'node:vm'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const srcDir = join(import.meta.dirname, '..', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Every module specifier in static imports, re-exports, dynamic imports and require calls. */
function specifiersOf(code: string): string[] {
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
  ]
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!))
}

/** A `#name` import is this package's own file when every condition of it maps to ./src. */
function packageImportIsLocal(spec: string): boolean {
  const manifest = JSON.parse(readFileSync(join(srcDir, '..', 'package.json'), 'utf8'))
  const targets = Object.values(manifest.imports?.[spec] ?? {}) as string[]
  return targets.length > 0 && targets.every((target) => target.startsWith('./src/'))
}

describe('portability', () => {
  it('no file in src imports a Node built-in or a package', () => {
    const builtins = new Set(builtinModules)
    const files = sourceFiles(srcDir)
    expect(files.length).toBeGreaterThan(10)
    const offending: string[] = []
    let relativeImports = 0
    for (const file of files) {
      for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('./') || spec.startsWith('../')) relativeImports++
        else if (spec.startsWith('#') && packageImportIsLocal(spec)) relativeImports++
        else
          offending.push(
            `${relative(srcDir, file)} imports '${spec}'${builtins.has(spec.replace(/^node:/, '')) ? ' (a Node built-in)' : ''}`,
          )
      }
    }
    expect(relativeImports).toBeGreaterThan(10)
    expect(offending).toEqual([])
  })

  it('the scan recognises the import forms it looks for', () => {
    const code = `import { a } from 'node:fs'\nexport * from "./x.js"\nimport 'path'\nconst m = await import('os')\nconst r = require('crypto')`
    expect(specifiersOf(code).sort()).toEqual(['./x.js', 'crypto', 'node:fs', 'os', 'path'])
  })

  it('a bundle runs a forward and backward pass in a bare context without process or require', async () => {
    const bundle = await build({
      entryPoints: [join(srcDir, 'index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'gradschoolTensor',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    })
    const context = createContext({})
    expect(runInContext('typeof process + " " + typeof require + " " + typeof module', context)).toBe(
      'undefined undefined undefined',
    )
    runInContext(bundle.outputFiles[0]!.text, context)
    const result = runInContext(
      `(() => {
        const { tensor, manualSeed, randn } = gradschoolTensor
        manualSeed(1)
        const w = tensor([[1, -1], [0.5, 2]], { requiresGrad: true })
        const x = tensor([[2, 1]])
        const loss = x.matmul(w).relu().sum()
        loss.backward()
        return JSON.stringify({ loss: loss.item(), grad: w.grad.toArray(), text: loss.toString(), random: randn(2).shape })
      })()`,
      context,
    ) as string
    // x·w = [2·1 + 1·0.5, 2·(-1) + 1·2] = [2.5, 0]; relu keeps the first; dloss/dw = xᵀ·[1, 0]
    expect(JSON.parse(result)).toEqual({
      loss: 2.5,
      grad: [
        [2, 0],
        [1, 0],
      ],
      text: 'tensor(2.5000, gradFn=<SumBackward>)',
      random: [2],
    })
  })
})
