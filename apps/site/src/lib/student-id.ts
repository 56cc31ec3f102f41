/** Checking the student id a learner types (the progress page's field). */
export const STUDENT_ID_MAX_LENGTH = 64
/** What instructors hand out: names, numbers, e-mail addresses; nothing that hides in a file name or a shell. */
const STUDENT_ID_CHARACTERS = /^[A-Za-z0-9._@+-]+$/

export type StudentIdCheck = { ok: true; studentId: string } | { ok: false; problem: string }

/**
 * Checks an id typed by the learner. It is trimmed first: the id seeds every variant, so an
 * invisible space would silently give the learner someone else's variants.
 */
export function checkStudentId(typed: string): StudentIdCheck {
  const studentId = typed.trim()
  if (studentId === '') return { ok: false, problem: 'Enter the student id your instructor gave you.' }
  if (studentId.length > STUDENT_ID_MAX_LENGTH)
    return {
      ok: false,
      problem: `A student id has at most ${STUDENT_ID_MAX_LENGTH} characters (this one has ${studentId.length}).`,
    }
  if (!STUDENT_ID_CHARACTERS.test(studentId)) {
    const bad = [...studentId].find((character) => !STUDENT_ID_CHARACTERS.test(character))!
    const shown = /\s/.test(bad) ? 'a space' : `"${bad}"`
    return {
      ok: false,
      problem: `A student id may use letters A–Z, digits and . _ @ + - only; it contains ${shown}.`,
    }
  }
  return { ok: true, studentId }
}
