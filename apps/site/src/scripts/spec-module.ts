/**
 * Evaluates a challenge's spec.ts in the browser, rendered for the learner's variant exactly as
 * the CLI renders it. Specs are course code (trusted), so they run in the worker, not the
 * sandbox; their imports resolve to the same libraries the CLI gives them.
 */

import type { Challenge } from '@gradschool/course'
import * as course from '@gradschool/course'
import * as courseSpec from '@gradschool/course/spec'
import * as nn from '@gradschool/nn'
import * as tensor from '@gradschool/tensor'
import * as fastCheck from 'fast-check'
import { transform } from 'sucrase'

const asModule = (namespace: object) => ({ __esModule: true, ...namespace })

const MODULES: Record<string, unknown> = {
  'fast-check': asModule(fastCheck),
  '@gradschool/course': asModule(course),
  '@gradschool/course/spec': asModule(courseSpec),
  '@gradschool/tensor': asModule(tensor),
  '@gradschool/nn': asModule(nn),
}

export function evaluateSpec(challenge: Challenge, studentId: string): unknown {
  if (!challenge.spec) throw new Error(`${challenge.dir}: the challenge has no spec.ts`)
  const text = course.renderVariant(challenge, studentId).spec ?? challenge.spec.text
  const { code } = transform(text, { transforms: ['typescript', 'imports'], filePath: challenge.spec.path })
  const exports: Record<string, unknown> = {}
  const module = { exports }
  const require = (name: string) => {
    const found = MODULES[name]
    if (!found) throw new Error(`${challenge.spec?.path}: specs in the browser cannot import "${name}"`)
    return found
  }
  new Function('require', 'exports', 'module', `${code}\n//# sourceURL=${challenge.spec.path}`)(
    require,
    exports,
    module,
  )
  return module.exports
}
