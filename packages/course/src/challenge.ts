/** Parsing and checking one challenge folder. Pure: works on the folder's files as text. */
import type { z } from 'zod'
import { blankIdsIn } from './blanks.js'
import {
  CHALLENGE_FILES,
  type ChallengeFileRole,
  challengeFileNames,
  REQUIRED_FILES,
} from './challenge-files.js'
import { fieldPath, IssueList } from './issues.js'
import { checkParams, sampleParams } from './params.js'
import { ReorderFormatError, reorderRegion } from './reorder.js'
import { challengeSchema, validate } from './schemas.js'
import { renderTemplate, TemplateError } from './templates.js'
import type { Challenge, ChallengeKind, CourseIssue, ParamValues, SourceFile } from './types.js'
import { parseYaml, type YamlSource } from './yaml-source.js'

type Sources = Partial<Record<ChallengeFileRole, SourceFile>>
type Rendered = Partial<Record<ChallengeFileRole, string>>

/** What every check needs: where to report, and the validated challenge.yaml. */
interface Checking {
  dir: string
  yamlFile: string
  meta: ChallengeYaml
  kind: ChallengeKind
  issues: IssueList
  /** Issue location of a challenge.yaml field. */
  at: (path: PropertyKey[]) => { field: string; line: number | undefined }
}

type ChallengeYaml = z.infer<typeof challengeSchema>

/**
 * Parse the challenge in folder `dir` (relative to exercises/, e.g. `02-the-neuron/sigmoid-neuron`)
 * from its files (name → text). Returns null when the challenge cannot be used.
 */
export function parseChallenge(
  dir: string,
  lessonSlug: string,
  slug: string,
  files: Record<string, string>,
): { challenge: Challenge | null; issues: CourseIssue[] } {
  const yamlFile = `${dir}/challenge.yaml`
  const yamlText = files['challenge.yaml']
  if (yamlText === undefined) {
    return {
      challenge: null,
      issues: [{ file: yamlFile, message: 'missing: every challenge folder needs a challenge.yaml' }],
    }
  }
  const parsed = parseYaml(yamlFile, yamlText)
  if (!parsed.source) return { challenge: null, issues: parsed.issues }
  const source: YamlSource = parsed.source
  const checked = validate(yamlFile, source, challengeSchema)
  if (!checked.data) return { challenge: null, issues: checked.issues }
  const meta = checked.data
  const checking: Checking = {
    dir,
    yamlFile,
    meta,
    kind: meta.kind as ChallengeKind,
    issues: new IssueList(),
    at: (path) => ({ field: fieldPath(path), line: source.lineOf(path) }),
  }
  const issues = checking.issues

  const params = checkParams(meta.params, (message, path) =>
    issues.add(yamlFile, message, checking.at(['params', ...path])),
  )
  const sources = readSources(checking, files)
  checkFields(checking)
  // Content checks run on the files rendered with extreme param values, so templates are checked too.
  const rendered = renderForChecks(checking, sources, params ? sampleParams(params) : [{}])
  checkContent(checking, sources, rendered)

  const reference = sources.reference ?? sources.program
  if (issues.items.length > 0 || !params || !reference) return { challenge: null, issues: issues.items }
  const challenge: Challenge = {
    id: `${lessonSlug}/${slug}`,
    slug,
    lessonSlug,
    kind: checking.kind,
    title: meta.title,
    prompt: meta.prompt,
    difficulty: meta.difficulty,
    xp: meta.xp,
    hints: meta.hints,
    params,
    reference,
    dir,
  }
  if (meta.entry !== undefined) challenge.entry = meta.entry
  if (sources.starter) challenge.starter = sources.starter
  if (sources.program) challenge.program = sources.program
  if (sources.spec) challenge.spec = sources.spec
  if (meta.blanks) challenge.blanks = meta.blanks.map((blank) => ({ ...blank }))
  return { challenge, issues: [] }
}

/** The challenge's source files, each plain or a template; reports missing and doubled ones. */
function readSources({ dir, kind, issues }: Checking, files: Record<string, string>): Sources {
  const sources: Sources = {}
  for (const role of CHALLENGE_FILES) {
    const [plain, template] = challengeFileNames(role)
    if (files[plain] !== undefined && files[template] !== undefined) {
      issues.add(`${dir}/${template}`, `both ${plain} and ${template} exist: keep one`)
    }
    const name = files[template] !== undefined ? template : plain
    const text = files[name]
    if (text !== undefined) sources[role] = { path: `${dir}/${name}`, text, template: name === template }
  }
  for (const role of REQUIRED_FILES[kind]) {
    if (!sources[role]) {
      const [plain, template] = challengeFileNames(role)
      issues.add(`${dir}/${plain}`, `missing: a ${kind} challenge needs ${plain} (or ${template})`)
    }
  }
  return sources
}

/** Fields whose need depends on the kind. */
function checkFields({ yamlFile, meta, kind, issues, at }: Checking): void {
  if (kind !== 'predict-output' && meta.entry === undefined) {
    issues.add(
      yamlFile,
      `missing (a ${kind} challenge names the exported function the spec calls)`,
      at(['entry']),
    )
  }
  if (kind !== 'fill-in' && meta.blanks !== undefined) {
    issues.add(yamlFile, 'only fill-in challenges have blanks', at(['blanks']))
  }
}

/** Render the prompt and every template with each sample of params; returns the first rendering. */
function renderForChecks(checking: Checking, sources: Sources, samples: ParamValues[]): Rendered {
  const { yamlFile, meta, issues, at } = checking
  if (Object.keys(meta.params).length > 0) {
    renderSamples(meta.prompt, samples, (message) => issues.add(yamlFile, message, at(['prompt'])))
  }
  const rendered: Rendered = {}
  for (const [role, file] of Object.entries(sources) as [ChallengeFileRole, SourceFile][]) {
    const text = file.template
      ? renderSamples(file.text, samples, (message, line) => issues.add(file.path, message, { line }))
      : file.text
    if (text !== null) rendered[role] = text
  }
  return rendered
}

function renderSamples(
  text: string,
  samples: ParamValues[],
  report: (message: string, line: number | undefined) => void,
): string | null {
  let first: string | null = null
  for (const params of samples) {
    try {
      const rendering = renderTemplate(text, params)
      first ??= rendering
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      report(error.message, error.line)
      return null
    }
  }
  return first
}

/** Checks on the (rendered) files: exports, the spec's default export, blanks, reorder markers. */
function checkContent(checking: Checking, sources: Sources, rendered: Rendered): void {
  const { meta, kind, issues } = checking
  if (meta.entry !== undefined && kind !== 'predict-output') {
    for (const role of ['reference', 'starter'] as const) {
      const text = rendered[role]
      if (text !== undefined && !exportsName(text, meta.entry)) {
        issues.add(sources[role]!.path, `does not export \`${meta.entry}\` (the challenge's entry)`)
      }
    }
  }
  if (rendered.spec !== undefined && !/\bexport\s+default\b/.test(rendered.spec)) {
    issues.add(sources.spec!.path, 'a spec must `export default defineSpec({ … })`')
  }
  if (kind === 'fill-in') checkBlanks(checking, sources.starter, rendered.starter)
  if (kind === 'reorder' && rendered.reference !== undefined) {
    try {
      reorderRegion(rendered.reference)
    } catch (error) {
      if (!(error instanceof ReorderFormatError)) throw error
      issues.add(sources.reference!.path, error.message, { line: error.line })
    }
  }
}

/** The blanks declared in challenge.yaml and the `___id___` used in the starter must match. */
function checkBlanks(
  { yamlFile, meta, issues, at }: Checking,
  starter?: SourceFile,
  starterText?: string,
): void {
  const blanks = meta.blanks ?? []
  if (blanks.length === 0) {
    issues.add(yamlFile, 'missing (a fill-in challenge declares its blanks)', at(['blanks']))
  }
  const declared = new Set<string>()
  blanks.forEach((blank, index) => {
    if (declared.has(blank.id)) {
      issues.add(yamlFile, `duplicate blank id \`${blank.id}\``, at(['blanks', index, 'id']))
    }
    declared.add(blank.id)
  })
  if (!starter || starterText === undefined) return
  const used = blankIdsIn(starterText)
  blanks.forEach((blank, index) => {
    if (!used.includes(blank.id)) {
      const message = `blank \`${blank.id}\` is declared but ${starter.path} has no \`___${blank.id}___\``
      issues.add(yamlFile, message, at(['blanks', index, 'id']))
    }
  })
  for (const id of used.filter((candidate) => !declared.has(candidate))) {
    const line = starterText.split('\n').findIndex((text) => text.includes(`___${id}___`)) + 1
    const message = `uses blank \`___${id}___\`, which challenge.yaml does not declare under \`blanks\``
    issues.add(starter.path, message, { line })
  }
}

function exportsName(code: string, name: string): boolean {
  const escaped = name.replace(/\$/g, '\\$')
  return new RegExp(
    `export\\s+(async\\s+)?function\\s*\\*?\\s*${escaped}\\b|export\\s+(const|let|var)\\s+${escaped}\\b|export\\s*\\{[^}]*\\b${escaped}\\b[^}]*\\}`,
  ).test(code)
}
