/**
 * Grades in a worker with the grader core: the same sandbox, specs and seeds as the CLI, so a
 * verdict here is the verdict `gradschool grade` gives.
 */

import challenges from 'virtual:gradschool/challenges'
import { grade } from '@gradschool/grader'
import type { GradeRequest, GradeResponse } from './grade-protocol.js'
import { evaluateSpec } from './spec-module.js'

const libraries = async () => (await import('virtual:gradschool/sandbox-libraries')).default

async function handle(request: GradeRequest): Promise<GradeResponse> {
  const challenge = challenges[request.challengeId]
  if (!challenge) return { ok: false, message: `This site has no challenge ${request.challengeId}.` }
  try {
    const spec = challenge.kind === 'predict-output' ? undefined : evaluateSpec(challenge, request.studentId)
    const verdict = await grade(challenge, request.submission, {
      studentId: request.studentId,
      spec,
      libraries,
    })
    return { ok: true, verdict }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

self.addEventListener('message', async (event: MessageEvent<GradeRequest>) => {
  ;(self as unknown as Worker).postMessage(await handle(event.data))
})
