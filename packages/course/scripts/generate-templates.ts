/**
 * Turns the scaffold templates in templates/ into src/scaffold-templates.generated.ts, so the
 * scaffolder can use them in the browser without file access. Run after editing a template:
 *   npx -y pnpm@10 --filter @gradschool/course generate:templates
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
export const TEMPLATES_DIR = join(packageDir, 'templates')
export const GENERATED_FILE = join(packageDir, 'src', 'scaffold-templates.generated.ts')

/** The generated module's text: template path (without `.hbs`) → template text. */
export function generateTemplatesModule(): string {
  const entries = listFiles(TEMPLATES_DIR)
    .filter((file) => file.endsWith('.hbs'))
    .sort()
    .map((file) => {
      const name = relative(TEMPLATES_DIR, file)
        .split('\\')
        .join('/')
        .replace(/\.hbs$/, '')
      return `  ${JSON.stringify(name)}: ${JSON.stringify(readFileSync(file, 'utf8'))},`
    })
  return [
    '// Generated from packages/course/templates/ by scripts/generate-templates.ts: edit the templates, not this file.',
    'export const SCAFFOLD_TEMPLATES: Record<string, string> = {',
    ...entries,
    '}',
    '',
  ].join('\n')
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_FILE, generateTemplatesModule())
  console.log(`wrote ${relative(process.cwd(), GENERATED_FILE)}`)
}
