import type { QuizQuestion } from '@gradschool/course'
import { type Verdict, verdict } from './verdict.js'

/** Checks a quiz answer: the chosen choice indices must be exactly the correct ones. */
export function gradeQuiz(lessonSlug: string, question: QuizQuestion, chosen: readonly number[]): Verdict {
  const id = `${lessonSlug}/quiz/${question.id}`
  const picked = [...new Set(chosen)].sort((a, b) => a - b)
  const correct = [...question.answer].sort((a, b) => a - b)
  const invalid = picked.filter(
    (index) => !Number.isInteger(index) || index < 0 || index >= question.choices.length,
  )
  if (invalid.length > 0) {
    return verdict(
      id,
      'quiz',
      'error',
      `Choice ${invalid.join(', ')} does not exist: pick from 0 to ${question.choices.length - 1}.`,
    )
  }
  const right = picked.length === correct.length && picked.every((index, i) => index === correct[i])
  const explanation = question.explanation
  if (right) return verdict(id, 'quiz', 'pass', 'Correct.', { explanation })
  const message =
    correct.length > 1 && picked.some((index) => correct.includes(index))
      ? `Not quite: ${correct.length} choices are correct.`
      : 'Not quite.'
  return verdict(id, 'quiz', 'fail', message, { explanation })
}
