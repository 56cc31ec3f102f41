/**
 * The site's one Markdown renderer. Pages use it at build time and the lesson page in the
 * browser (a learner's own variant of a prompt), so both give the same HTML.
 */
import { Marked } from 'marked'

const markdown = new Marked({ gfm: true })

export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false })
}

/** Markdown for a short phrase (a quiz choice): no wrapping paragraph. */
export function renderInlineMarkdown(text: string): string {
  return markdown.parseInline(text, { async: false })
}
