/** A learner's submission cannot be turned into a program (unknown blank, lines not from the puzzle…). */
export class SubmissionError extends Error {
  override name = 'SubmissionError'
}
