/** Messages between the page and the grading worker. */
import type { Submission } from '@gradschool/course'
import type { Verdict } from '@gradschool/grader'

export interface GradeRequest {
  challengeId: string
  submission: Submission
  studentId: string
}

export type GradeResponse = { ok: true; verdict: Verdict } | { ok: false; message: string }
