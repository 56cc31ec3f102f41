import { isPropertySpec, type PropertySpec } from '@gradschool/course'
import type { SandboxLimits } from '../sandbox/limits.js'

/** The IIFE bundle of @gradschool/tensor and @gradschool/nn, or how to get it when first needed. */
export type LibrarySource = string | (() => string | Promise<string>)

export interface GradeOptions {
  /** Whose variant is graded (templated challenges differ per student). Default `anonymous`. */
  studentId?: string
  /** fast-check seed; default: derived from the student and challenge, so verdicts are stable. */
  seed?: number
  /** fast-check path: replays one exact counterexample (reported with every failure). */
  path?: string
  /** The challenge's spec: what spec.ts default-exports (or the module itself). */
  spec?: unknown
  /** Needed when the submission, reference or program imports the course libraries. */
  libraries?: LibrarySource
  limits?: Partial<SandboxLimits>
  /** The learner's file as shown in messages, e.g. `work/the-neuron/sigmoid-neuron.ts`. */
  file?: string
  /** Hints the learner revealed (used for XP only). */
  hintsUsed?: number
}

/** Accepts a PropertySpec or a module namespace whose default export is one. */
export function resolveSpec(spec: unknown): PropertySpec | undefined {
  if (isPropertySpec(spec)) return spec
  const fallback = (spec as { default?: unknown } | null | undefined)?.default
  return isPropertySpec(fallback) ? fallback : undefined
}

export async function resolveLibraries(source: LibrarySource | undefined): Promise<string | undefined> {
  if (source === undefined) return undefined
  return typeof source === 'string' ? source : await source()
}
