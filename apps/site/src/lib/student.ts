/**
 * The student id the site uses until the learner sets their own: the grader's default
 * (`ANONYMOUS_STUDENT`), so pages can show that variant of every challenge pre-rendered.
 */
export const DEFAULT_STUDENT_ID = 'anonymous'
