import { transform } from 'sucrase'

/** A problem in the student's own file, located at its 1-based line and column. */
export interface SourceLocationError {
  file: string
  line: number
  column: number
  message: string
}

export type StripResult = { ok: true; code: string } | { ok: false; error: SourceLocationError }

/**
 * TypeScript (or JavaScript) with ES imports → CommonJS JavaScript for the sandbox. Sucrase keeps
 * line numbers, so runtime stack traces still point at the student's lines. Runs in browsers too.
 */
export function stripTypes(source: string, file: string): StripResult {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath: file,
      disableESTransforms: true,
    })
    return { ok: true, code }
  } catch (error) {
    return { ok: false, error: locate(error, file) }
  }
}

function locate(error: unknown, file: string): SourceLocationError {
  const raw = error instanceof Error ? error.message : String(error)
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc
  // Sucrase reports 1-based columns; its message starts with "Error transforming <file>: ".
  const line = typeof loc?.line === 'number' ? loc.line : 1
  const column = typeof loc?.column === 'number' ? loc.column : 1
  const message = raw.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '')
  return { file, line, column, message }
}

const LIBRARY_IMPORT = /\brequire\(\s*['"]@gradschool\/(?:tensor|nn)['"]\s*\)/

/** True when stripped code imports @gradschool/tensor or @gradschool/nn (so the bundle must load). */
export function needsLibraries(commonJsCode: string): boolean {
  return LIBRARY_IMPORT.test(commonJsCode)
}

/** Formats a location error the way editors and terminals link it: `file:line:column: message`. */
export function formatLocation(error: SourceLocationError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.message}`
}
