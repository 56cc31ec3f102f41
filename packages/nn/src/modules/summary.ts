import { type DType, noGrad, Tensor, TensorError, zeros } from '@gradschool/tensor'
import type { Module } from './module.js'

export interface SummaryOptions {
  /** dtype of the zero inputs (default: the dtype of the first parameter, else float32). */
  dtype?: DType
}

interface Row {
  name: string
  output: string
  params: number
}

type AnyForward = (...inputs: unknown[]) => unknown

/**
 * Records every module's output by shadowing its `forward` with an instance property for
 * the duration of one pass (no hook machinery), in eval mode and without gradients so the
 * pass changes nothing (BatchNorm's running statistics stay as they were).
 */
export function summarize(
  model: Module,
  inputShape: readonly number[] | readonly (readonly number[])[],
  options: SummaryOptions,
): string {
  const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as readonly (readonly number[])[]
  const dtype = options.dtype ?? model.parameters()[0]?.dtype ?? 'float32'
  const rows: Row[] = []
  const named = model.namedModules()
  const modes = named.map(([, m]) => m.training)
  // A forward defined as an arrow-function field is an own property: put it back afterwards.
  const ownForwards = named.map(([, m]) => Object.getOwnPropertyDescriptor(m, 'forward'))
  for (const [name, m] of named) {
    if (m === model) continue
    const original = m.forward as AnyForward
    const own = m.parameters(false).reduce((n, p) => n + p.numel(), 0)
    const shadow: AnyForward = (...inputs) => {
      const out = original.apply(m, inputs)
      rows.push({ name: `${name} (${m.constructor.name})`, output: describeOutput(out), params: own })
      return out
    }
    Object.defineProperty(m, 'forward', {
      value: shadow,
      configurable: true,
      enumerable: false,
      writable: true,
    })
  }
  let output: unknown
  try {
    model.eval()
    output = noGrad(() => (model.forward as AnyForward)(...shapes.map((s) => zeros([...s], { dtype }))))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new TensorError(
      'summary',
      `forward pass on zeros of shape ${shapes.map(fmt).join(', ')} failed: ${message}`,
    )
  } finally {
    named.forEach(([, m], i) => {
      if (m !== model) {
        delete (m as unknown as Record<string, unknown>).forward
        const own = ownForwards[i]
        if (own) Object.defineProperty(m, 'forward', own)
      }
      m.training = modes[i]!
    })
  }
  const ownRoot = model.parameters(false).reduce((n, p) => n + p.numel(), 0)
  rows.push({ name: `(${model.constructor.name})`, output: describeOutput(output), params: ownRoot })
  return formatTable(rows, model.numParameters())
}

function fmt(shape: readonly number[]): string {
  return `[${shape.join(',')}]`
}

function describeOutput(out: unknown): string {
  if (out instanceof Tensor) return fmt(out.shape)
  if (Array.isArray(out)) return out.map(describeOutput).join(' ')
  return out === null ? '-' : typeof out
}

function formatTable(rows: readonly Row[], total: number): string {
  const header = ['Layer (type)', 'Output shape', 'Params']
  const cells = rows.map((r) => [r.name, r.output, r.params.toLocaleString('en-US')])
  const footer = ['Total params', '', total.toLocaleString('en-US')]
  const widths = header.map((h, i) =>
    Math.max(h.length, footer[i]!.length, ...cells.map((c) => c[i]!.length)),
  )
  const line = (c: readonly string[]) =>
    `${c[0]!.padEnd(widths[0]!)}  ${c[1]!.padEnd(widths[1]!)}  ${c[2]!.padStart(widths[2]!)}`.trimEnd()
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 4))
  return [line(header), rule, ...cells.map(line), rule, line(footer)].join('\n')
}
