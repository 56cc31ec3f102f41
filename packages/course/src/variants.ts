/** Per-student variants of a challenge: params drawn from a seeded PRNG, templates rendered. Pure. */
import { seededRandom, variantSeed } from './seed.js'
import { renderTemplate } from './templates.js'
import type { Challenge, ParamSpec, ParamValues, SourceFile } from './types.js'

export { renderTemplate, TemplateError } from './templates.js'

export interface RenderedVariant {
  params: ParamValues
  /** The prompt, rendered with the params when the challenge has any. */
  prompt: string
  reference: string
  starter?: string
  program?: string
  spec?: string
}

/** The scaled integer range of a float param, e.g. [0.1, 0.35] with 1 decimal → [1, 3]. */
export function floatSteps(spec: { float: [number, number]; decimals: number }): [number, number] {
  const scale = 10 ** spec.decimals
  const value = (step: number) => Number((step / scale).toFixed(spec.decimals))
  // The epsilon absorbs products like 0.29 * 100 = 28.999…; the checks undo it when it overshoots.
  let low = Math.ceil(spec.float[0] * scale - 1e-9)
  if (value(low) < spec.float[0]) low += 1
  let high = Math.floor(spec.float[1] * scale + 1e-9)
  if (value(high) > spec.float[1]) high -= 1
  return [low, high]
}

/** Draw one param value from `random` (a uniform [0, 1) source). */
export function drawParam(spec: ParamSpec, random: () => number): string | number {
  if ('int' in spec) {
    const [min, max] = spec.int
    return min + Math.floor(random() * (max - min + 1))
  }
  if ('float' in spec) {
    const [low, high] = floatSteps(spec)
    const step = low + Math.floor(random() * (high - low + 1))
    return Number((step / 10 ** spec.decimals).toFixed(spec.decimals))
  }
  return spec.choice[Math.floor(random() * spec.choice.length)]!
}

/**
 * The student's params. Each param has its own seed, so adding a param to a challenge does not
 * change the values students already drew for the others.
 */
export function variantParams(challenge: Pick<Challenge, 'id' | 'params'>, studentId: string): ParamValues {
  const values: ParamValues = {}
  for (const name of Object.keys(challenge.params).sort()) {
    const random = seededRandom(variantSeed(studentId, `${challenge.id}#${name}`))
    values[name] = drawParam(challenge.params[name]!, random)
  }
  return values
}

export function renderSourceFile(file: SourceFile, params: ParamValues): string {
  return file.template ? renderTemplate(file.text, params) : file.text
}

/** Everything a student sees and the grader runs for this student's variant. */
export function renderVariant(challenge: Challenge, studentId: string): RenderedVariant {
  return renderWithParams(challenge, variantParams(challenge, studentId))
}

export function renderWithParams(challenge: Challenge, params: ParamValues): RenderedVariant {
  const hasParams = Object.keys(challenge.params).length > 0
  const variant: RenderedVariant = {
    params,
    prompt: hasParams ? renderTemplate(challenge.prompt, params) : challenge.prompt,
    reference: renderSourceFile(challenge.reference, params),
  }
  if (challenge.starter) variant.starter = renderSourceFile(challenge.starter, params)
  if (challenge.program) variant.program = renderSourceFile(challenge.program, params)
  if (challenge.spec) variant.spec = renderSourceFile(challenge.spec, params)
  return variant
}
