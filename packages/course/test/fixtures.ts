/** A small valid course as an in-memory file map, for table-driven tests of malformed input. */

export const COURSE_YAML = `title: Test course
description: A course for tests.
levels:
  - { name: Undergrad, xp: 0 }
  - { name: Masters, xp: 100 }
xp:
  firstAttemptBonus: 0.2
  hintPenalty: 0.1
`

export const LESSON_MD = `---
title: The neuron
level: Undergrad
minutes: 10
objectives:
  - Compute a weighted sum
---

# The neuron

Text.
`

export const QUIZ_YAML = `questions:
  - id: q1
    prompt: Pick one.
    choices: [a, b]
    answer: 0
    explanation: Because.
`

export const IMPLEMENT_YAML = `kind: implement
title: Double
difficulty: easy
xp: 10
entry: double
prompt: Return twice x.
hints:
  - Multiply.
`

export const REFERENCE_TS = 'export function double(x: number): number {\n  return 2 * x\n}\n'
export const SPEC_TS =
  "import { defineSpec } from '@gradschool/course/spec'\nimport fc from 'fast-check'\nexport default defineSpec({ args: fc.tuple(fc.integer()) })\n"

export const FILL_IN_YAML = `kind: fill-in
title: Double
difficulty: easy
xp: 10
entry: double
prompt: Fill it.
blanks:
  - id: factor
    answer: '2'
`
export const FILL_IN_STARTER = 'export function double(x: number): number {\n  return ___factor___ * x\n}\n'

export const REORDER_YAML = `kind: reorder
title: Order
difficulty: easy
xp: 10
entry: double
prompt: Order the lines.
`
export const REORDER_REFERENCE = `export function double(x: number): number {
  // reorder:start
  let y = x
  y = y * 2
  return y
  // reorder:end
}
`

export const PREDICT_YAML = `kind: predict-output
title: Predict
difficulty: easy
xp: 5
prompt: What does it print?
params:
  x: { int: [1, 9] }
`
export const PROGRAM_HBS = 'const x = {{x}}\nconsole.log(x * 2)\n'

export const LESSON = '02-the-neuron'
export const IMPLEMENT_DIR = `${LESSON}/double`

/** A valid course with one challenge of each kind (implement, fill-in, reorder, predict-output). */
export function validCourseFiles(): Record<string, string> {
  return {
    'course.yaml': COURSE_YAML,
    [`${LESSON}/lesson.md`]: LESSON_MD,
    [`${LESSON}/quiz.yaml`]: QUIZ_YAML,
    [`${IMPLEMENT_DIR}/challenge.yaml`]: IMPLEMENT_YAML,
    [`${IMPLEMENT_DIR}/reference.ts`]: REFERENCE_TS,
    [`${IMPLEMENT_DIR}/spec.ts`]: SPEC_TS,
    [`${LESSON}/fill/challenge.yaml`]: FILL_IN_YAML,
    [`${LESSON}/fill/reference.ts`]: REFERENCE_TS,
    [`${LESSON}/fill/starter.ts`]: FILL_IN_STARTER,
    [`${LESSON}/fill/spec.ts`]: SPEC_TS,
    [`${LESSON}/order/challenge.yaml`]: REORDER_YAML,
    [`${LESSON}/order/reference.ts`]: REORDER_REFERENCE,
    [`${LESSON}/order/spec.ts`]: SPEC_TS,
    [`${LESSON}/predict/challenge.yaml`]: PREDICT_YAML,
    [`${LESSON}/predict/program.ts.hbs`]: PROGRAM_HBS,
  }
}
