/**
 * The handlebars environment for challenge templates: isolated from the global instance, output
 * is not HTML-escaped (it is code), and a missing parameter is an error rather than empty text.
 */
import Handlebars from 'handlebars'

const engine = Handlebars.create()

// Formatting helpers only: nothing that reads the environment, the clock or randomness.
engine.registerHelper('fixed', (value: unknown, digits: unknown) =>
  Number(value).toFixed(typeof digits === 'number' ? digits : 2),
)
engine.registerHelper('json', (value: unknown) => JSON.stringify(value))
engine.registerHelper('neg', (value: unknown) => -Number(value))

/** Helper names, reserved: a param with one of these names would be shadowed by the helper. */
export const TEMPLATE_HELPERS = ['fixed', 'json', 'neg'] as const

/** A template that does not parse or render; `line` is 1-based within the template. */
export class TemplateError extends Error {
  override name = 'TemplateError'
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message)
  }
}

export function renderTemplate(text: string, params: Record<string, unknown>): string {
  try {
    return engine.compile(text, { noEscape: true, strict: true })(params)
  } catch (error) {
    const message = (error as Error).message
    const parseLine = /Parse error on line (\d+)/.exec(message)
    if (parseLine) {
      const detail = message.split('\n').at(-1) ?? ''
      return fail(`template does not parse: ${detail}`, Number(parseLine[1]))
    }
    const missing = /^"?([^"\s]+)"? not defined in .* - (\d+):\d+$/.exec(message)
    if (missing)
      return fail(`template uses \`${missing[1]}\`, which is not a declared param`, Number(missing[2]))
    return fail(`template does not render: ${message.split('\n')[0]}`)
  }
}

function fail(message: string, line?: number): never {
  throw new TemplateError(message, line)
}
