/**
 * /variants.json: the sources of every challenge that differs per student (see
 * `variantSources`), fetched by a lesson page only for a learner who set their own student id.
 */
import type { APIRoute } from 'astro'
import { getCourse } from '../lib/course.js'
import { variantSources } from '../lib/variant-sources.js'

export const GET: APIRoute = async () => {
  const course = await getCourse()
  return new Response(JSON.stringify(variantSources(course)), {
    headers: { 'content-type': 'application/json' },
  })
}
