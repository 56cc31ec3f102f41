import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { CourseIssue } from './types.js'

/** A parsed YAML file that can say on which line a field lives (for issue messages). */
export interface YamlSource {
  data: unknown
  /** 1-based line of the field at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined
}

/**
 * Parse YAML, reporting syntax errors as issues with line and column.
 * `lineOffset` shifts lines when the YAML is embedded (front matter starts on line 2).
 */
export function parseYaml(
  file: string,
  text: string,
  lineOffset = 0,
): { source: YamlSource; issues: [] } | { source: null; issues: CourseIssue[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0])
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      return {
        file,
        line: line + lineOffset,
        message: `invalid YAML at line ${line + lineOffset}, column ${col}: ${reason}`,
      }
    })
    return { source: null, issues }
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset
  return {
    source: {
      data: doc.toJS(),
      lineOf(path) {
        let node: unknown = doc.contents
        let line = rangeLine(node, lineAt)
        for (const key of path) {
          if (isMap(node)) {
            const pair = node.items.find(
              (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
            )
            if (!pair) break
            // The key's line: where the instructor reads the field name.
            line = rangeLine(pair.key, lineAt) ?? line
            node = pair.value
          } else if (isSeq(node) && typeof key === 'number') {
            node = node.items[key]
            if (node === undefined) break
            line = rangeLine(node, lineAt) ?? line
          } else break
        }
        return line
      },
    },
    issues: [],
  }
}

function rangeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range
  return range ? lineAt(range[0]) : undefined
}
