// Generated from packages/course/templates/ by scripts/generate-templates.ts: edit the templates, not this file.
export const SCAFFOLD_TEMPLATES: Record<string, string> = {
  'fill-in/challenge.yaml':
    'kind: fill-in\ntitle: {{{json title}}} # TODO: the title learners see\ndifficulty: easy\nxp: 10\nentry: {{entry}}\nprompt: |\n  TODO: describe what the code should do. For now: fill the blank so that `{{entry}}(x)` returns\n  twice `x`.\nhints:\n  - "TODO: a first nudge"\nblanks:\n  - id: factor\n    answer: "2"\n    label: the factor\n',
  'fill-in/reference.ts':
    '// TODO: replace this placeholder solution (and the starter with blanks) with the real task.\nexport function {{entry}}(x: number): number {\n  return 2 * x\n}\n',
  'fill-in/spec.ts':
    "import { defineSpec } from '@gradschool/course/spec'\nimport fc from 'fast-check'\n\n// TODO: generate the arguments your entry function takes; examples catch the typical mistakes.\nexport default defineSpec({\n  args: fc.tuple(fc.integer({ min: -1000, max: 1000 })),\n  examples: [[0], [1], [-3]],\n})\n",
  'fill-in/starter.ts': 'export function {{entry}}(x: number): number {\n  return ___factor___ * x\n}\n',
  'fix-bug/challenge.yaml':
    'kind: fix-bug\ntitle: {{{json title}}} # TODO: the title learners see\ndifficulty: easy\nxp: 10\nentry: {{entry}}\nprompt: |\n  TODO: describe what the code should do. For now: `{{entry}}(x)` should return twice `x`, but it\n  has a bug. Find it and fix it.\nhints:\n  - "TODO: a first nudge"\n',
  'fix-bug/reference.ts':
    '// TODO: replace this placeholder solution (and the buggy starter) with the real task.\nexport function {{entry}}(x: number): number {\n  return 2 * x\n}\n',
  'fix-bug/spec.ts':
    "import { defineSpec } from '@gradschool/course/spec'\nimport fc from 'fast-check'\n\n// TODO: generate the arguments your entry function takes; examples catch the typical mistakes.\nexport default defineSpec({\n  args: fc.tuple(fc.integer({ min: -1000, max: 1000 })),\n  examples: [[0], [1], [-3]],\n})\n",
  'fix-bug/starter.ts':
    '// TODO: the buggy version learners start from: one plausible mistake.\nexport function {{entry}}(x: number): number {\n  return x + 2\n}\n',
  'implement/challenge.yaml':
    'kind: implement\ntitle: {{{json title}}} # TODO: the title learners see\ndifficulty: easy\nxp: 10\nentry: {{entry}}\nprompt: |\n  TODO: describe the task. For now: implement `{{entry}}(x)` so it returns twice `x`.\nhints:\n  - "TODO: a first nudge"\n',
  'implement/reference.ts':
    '// TODO: replace this placeholder solution (and the spec) with the real task.\nexport function {{entry}}(x: number): number {\n  return 2 * x\n}\n',
  'implement/spec.ts':
    "import { defineSpec } from '@gradschool/course/spec'\nimport fc from 'fast-check'\n\n// TODO: generate the arguments your entry function takes; examples catch the typical mistakes.\nexport default defineSpec({\n  args: fc.tuple(fc.integer({ min: -1000, max: 1000 })),\n  examples: [[0], [1], [-3]],\n})\n",
  'implement/starter.ts':
    "export function {{entry}}(x: number): number {\n  // TODO: your code here\n  throw new Error('{{entry}} is not implemented yet')\n}\n",
  'lesson/lesson.md':
    '---\ntitle: {{{json title}}}\nlevel: {{{json level}}}\nminutes: 15\nobjectives:\n  - "TODO: what the learner can do after this lesson"\n---\n\n# {{title}}\n\nTODO: write the lesson. Code blocks marked `ts run` get a Run button; an `output` block right after\none shows what it prints.\n\n```ts run\nconsole.log(\'TODO: a first example\')\n```\n\n```output\nTODO: a first example\n```\n',
  'lesson/quiz.yaml':
    'questions:\n  - id: first-question\n    prompt: "TODO: ask about something the lesson taught"\n    choices:\n      - "TODO: the correct choice"\n      - "TODO: a tempting wrong choice"\n    answer: 0\n    explanation: "TODO: why the answer is right"\n',
  'predict-output/challenge.yaml':
    'kind: predict-output\ntitle: {{{json title}}} # TODO: the title learners see\ndifficulty: easy\nxp: 10\nprompt: |\n  TODO: what should learners look for? For now: what does this program print?\nhints:\n  - "TODO: a first nudge"\nparams:\n  x: { int: [2, 9] }\n',
  'predict-output/program.ts.hbs':
    '// TODO: a short program whose output learners predict; \\{{x}} differs from learner to learner.\nconst x = \\{{x}}\nconsole.log(x * 2)\n',
  'reorder/challenge.yaml':
    'kind: reorder\ntitle: {{{json title}}} # TODO: the title learners see\ndifficulty: easy\nxp: 10\nentry: {{entry}}\nprompt: |\n  TODO: describe what the code should do. For now: put the lines in the order that makes\n  `{{entry}}(x)` return `2 * x + 1`.\nhints:\n  - "TODO: a first nudge"\n',
  'reorder/reference.ts':
    '// TODO: replace this placeholder. Only one order of the lines between the markers may be correct.\nexport function {{entry}}(x: number): number {\n  // reorder:start\n  let y = x\n  y = y * 2\n  y = y + 1\n  return y\n  // reorder:end\n}\n',
  'reorder/spec.ts':
    "import { defineSpec } from '@gradschool/course/spec'\nimport fc from 'fast-check'\n\n// TODO: generate the arguments your entry function takes; examples catch the typical mistakes.\nexport default defineSpec({\n  args: fc.tuple(fc.integer({ min: -1000, max: 1000 })),\n  examples: [[0], [1], [-3]],\n})\n",
}
