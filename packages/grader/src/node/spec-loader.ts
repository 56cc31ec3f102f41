import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type Challenge, type PropertySpec, renderVariant } from '@gradschool/course'
import { resolveSpec } from '../grading/options.js'

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/**
 * Rendered specs are written here before importing them: inside the grader package, so their
 * imports (`fast-check`, `@gradschool/course/spec`, `@gradschool/tensor`) resolve to the grader's
 * own dependencies whatever folder the course lives in.
 */
const SPEC_CACHE = join(PACKAGE_DIR, 'node_modules', '.cache', 'gradschool-specs')

/** Other graders (parallel CI jobs, tests) may read these files while they are written. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, file)
}

export class SpecLoadError extends Error {
  override name = 'SpecLoadError'
}

/**
 * Imports a challenge's spec.ts (rendered for the student when it is a template). Needs a
 * TypeScript-aware loader: the CLI runs under tsx, tests under vitest.
 */
export async function loadSpec(challenge: Challenge, studentId: string): Promise<PropertySpec> {
  if (!challenge.spec) throw new SpecLoadError(`${challenge.dir}: the challenge has no spec.ts`)
  const text = renderVariant(challenge, studentId).spec ?? challenge.spec.text
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16)
  const file = join(SPEC_CACHE, `${challenge.id.replace(/[^a-z0-9-]+/gi, '_')}-${hash}.ts`)
  mkdirSync(SPEC_CACHE, { recursive: true })
  // Package scopes stop at node_modules: without this the spec would be loaded as CommonJS.
  const scope = join(SPEC_CACHE, 'package.json')
  if (!existsSync(scope)) writeAtomically(scope, '{ "type": "module" }\n')
  writeAtomically(file, text)
  let module: unknown
  try {
    module = await import(/* @vite-ignore */ pathToFileURL(file).href)
  } catch (error) {
    throw new SpecLoadError(`${challenge.spec.path}: the spec failed to load (${(error as Error).message})`)
  }
  const spec = resolveSpec(module)
  if (!spec)
    throw new SpecLoadError(`${challenge.spec.path}: the default export must be \`defineSpec({ … })\``)
  return spec
}
