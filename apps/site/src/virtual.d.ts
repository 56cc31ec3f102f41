declare module 'virtual:gradschool/challenges' {
  import type { Challenge, CourseMeta } from '@gradschool/course'
  export const xpRules: CourseMeta['xp']
  const challenges: Record<string, Challenge>
  export default challenges
}

declare module 'virtual:gradschool/sandbox-libraries' {
  /** The IIFE bundle of @gradschool/tensor and @gradschool/nn that the grading sandbox evaluates. */
  const source: string
  export default source
}
