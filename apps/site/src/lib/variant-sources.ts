/**
 * What the browser needs to render a learner's own variant of the challenges: only the
 * challenges that differ per student, and only the files their page content comes from (no
 * spec, and the reference only where the page is built from it: a reorder puzzle's lines).
 */
import type { Challenge, Course } from '@gradschool/course'

/** A challenge whose page content depends on the student id: templated files, or shuffled lines. */
export function dependsOnStudent(challenge: Challenge): boolean {
  return Object.keys(challenge.params).length > 0 || challenge.kind === 'reorder'
}

export type VariantSources = Record<string, Challenge>

export function variantSources(course: Course): VariantSources {
  return Object.fromEntries(
    course.lessons
      .flatMap((lesson) => lesson.challenges)
      .filter(dependsOnStudent)
      .map((challenge) => {
        const { spec: _spec, ...shown } = challenge
        const reference =
          challenge.kind === 'reorder'
            ? challenge.reference
            : { ...challenge.reference, text: '', template: false }
        return [challenge.id, { ...shown, hints: [], reference }]
      }),
  )
}
