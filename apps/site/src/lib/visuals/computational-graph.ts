/**
 * Turns an expression into a computational graph, runs it forward with @gradschool/tensor and
 * backward from the output with autograd, and lays it out left (inputs) to right (output).
 * Every use of a variable gets its own edge, so the gradients of a reused variable are shown
 * arriving separately and adding up.
 */
import { type Tensor, tensor } from '@gradschool/tensor'
import { type Expression, parseExpression } from './computational-graph-expression.js'

export type GraphNodeKind = 'variable' | 'constant' | '+' | '-' | '*' | '/' | 'negate' | 'power'

export interface GraphNode {
  id: number
  kind: GraphNodeKind
  /** Variable name, or the letter given to an intermediate result (d, e, f… after the inputs). */
  name: string
  /** What the node does, as drawn: "a", "3", "×", "+", "^2". */
  label: string
  value: number
  /** ∂output/∂node; null for constants, which are not differentiated. */
  gradient: number | null
  /** Forward formula for the walkthrough, e.g. "d = a × b". */
  formula: string
  column: number
  x: number
  y: number
}

export interface GraphEdge {
  from: number
  to: number
  /** The gradient this edge carries back: ∂output/∂(this use of `from`); null from constants. */
  gradient: number | null
  /** ∂to/∂from, the local derivative the chain rule multiplies by. */
  local: number
}

export interface ComputationalGraph {
  expression: string
  nodes: GraphNode[]
  edges: GraphEdge[]
  /** Nodes in evaluation order (inputs first, output last). */
  order: number[]
  output: number
  width: number
  height: number
}

const SYMBOL: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' }
const COLUMN_WIDTH = 100
const ROW_HEIGHT = 76
const MARGIN = 42

export function formatNumber(value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)))
  return text.replace('-', '−')
}

export interface ComputationalGraphOptions {
  expression: string
  inputs: Record<string, number>
  show: { values: boolean; gradients: boolean }
}

/** Reads `{"expression":"(a*b+c)^2","inputs":{"a":2,…},"show":["values","gradients"]}`. */
export function parseComputationalGraphOptions(raw: Record<string, unknown>): ComputationalGraphOptions {
  if (typeof raw.expression !== 'string' || raw.expression.trim() === '')
    throw new Error('computational-graph visual: "expression" must be a non-empty string such as "(a*b+c)^2"')
  const inputs: Record<string, number> = {}
  const given = raw.inputs && typeof raw.inputs === 'object' ? (raw.inputs as Record<string, unknown>) : {}
  for (const [name, value] of Object.entries(given)) {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(
        `computational-graph visual: input "${name}" must be a number, got ${JSON.stringify(value)}`,
      )
    inputs[name] = value
  }
  const show = Array.isArray(raw.show) ? raw.show : ['values', 'gradients']
  return {
    expression: raw.expression,
    inputs,
    show: { values: show.includes('values'), gradients: show.includes('gradients') },
  }
}

export function buildComputationalGraph(
  expressionText: string,
  inputs: Record<string, number>,
): ComputationalGraph {
  const tree = parseExpression(expressionText)
  const nodes: GraphNode[] = []
  const edges: GraphEdge[] = []
  const variables = new Map<string, { id: number; tensor: Tensor }>()
  /** Per edge, the tensor whose gradient is the one the edge carries. */
  const edgeTensors: (Tensor | null)[] = []
  const nodeTensors: Tensor[] = []

  const addNode = (
    kind: GraphNodeKind,
    name: string,
    label: string,
    value: Tensor,
    formula: string,
    column: number,
  ) => {
    const id = nodes.length
    nodes.push({ id, kind, name, label, value: value.item(), gradient: null, formula, column, x: 0, y: 0 })
    nodeTensors.push(value)
    return id
  }
  const variableNames = new Set<string>()
  collectVariables(tree, variableNames)
  for (const name of variableNames) {
    if (inputs[name] === undefined)
      throw new Error(
        `computational-graph visual: the expression uses "${name}" but "inputs" gives it no value`,
      )
  }
  const letters = intermediateNames(variableNames)

  /** Returns the node id and, for the parent's computation, the tensor standing for this use. */
  const visit = (expression: Expression): { id: number; use: Tensor; trackUse: boolean } => {
    if (expression.type === 'variable') {
      let variable = variables.get(expression.name)
      if (!variable) {
        const value = tensor([inputs[expression.name]!], { dtype: 'float64', requiresGrad: true })
        variable = {
          id: addNode(
            'variable',
            expression.name,
            expression.name,
            value,
            `${expression.name} = ${formatNumber(value.item())}`,
            0,
          ),
          tensor: value,
        }
        variables.set(expression.name, variable)
      }
      // A separate copy per use keeps each edge's share of the gradient.
      return { id: variable.id, use: variable.tensor.clone().retainGrad(), trackUse: true }
    }
    if (expression.type === 'constant') {
      const value = tensor([expression.value], { dtype: 'float64' })
      const text = formatNumber(expression.value)
      return {
        id: addNode('constant', text, text, value, `constant ${text}`, 0),
        use: value,
        trackUse: false,
      }
    }
    const children =
      expression.type === 'binary'
        ? [expression.left, expression.right]
        : expression.type === 'negate'
          ? [expression.operand]
          : [expression.base]
    const visited = children.map(visit)
    const [first, second] = visited.map((child) => child.use) as [Tensor, Tensor | undefined]
    let result: Tensor
    let label: string
    let kind: GraphNodeKind
    if (expression.type === 'binary') {
      kind = expression.op
      label = SYMBOL[expression.op]!
      result =
        expression.op === '+'
          ? first.add(second!)
          : expression.op === '-'
            ? first.sub(second!)
            : expression.op === '*'
              ? first.mul(second!)
              : first.div(second!)
    } else if (expression.type === 'negate') {
      kind = 'negate'
      label = '−'
      result = first.neg()
    } else {
      kind = 'power'
      label = `^${formatNumber(expression.exponent)}`
      result = first.pow(expression.exponent)
    }
    result.retainGrad()
    const name = letters.next().value!
    const operands = visited.map((child) => nodes[child.id]!.name)
    const formula =
      kind === 'negate'
        ? `${name} = −${operands[0]}`
        : kind === 'power'
          ? `${name} = ${operands[0]}${label}`
          : `${name} = ${operands[0]} ${label} ${operands[1]}`
    const column = 1 + Math.max(...visited.map((child) => nodes[child.id]!.column))
    const id = addNode(kind, name, label, result, formula, column)
    visited.forEach((child, slot) => {
      edges.push({
        from: child.id,
        to: id,
        gradient: null,
        local: localDerivative(
          expression,
          visited.map((v) => v.use.item()),
          slot,
        ),
      })
      edgeTensors.push(
        child.trackUse ? child.use : nodes[child.id]!.kind === 'constant' ? null : nodeTensors[child.id]!,
      )
    })
    return { id, use: result, trackUse: false }
  }

  const root = visit(tree)
  const outputTensor = nodeTensors[root.id]!
  if (outputTensor.requiresGrad) outputTensor.backward()
  nodes.forEach((node, id) => {
    if (node.kind === 'constant') return
    node.gradient = id === root.id ? 1 : (nodeTensors[id]!.grad?.item() ?? 0)
  })
  edges.forEach((edge, i) => {
    const source = edgeTensors[i]
    edge.gradient = source ? (source.grad?.item() ?? 0) : null
  })
  const { width, height } = layout(nodes, edges)
  return {
    expression: expressionText,
    nodes,
    edges,
    order: nodes.map((n) => n.id),
    output: root.id,
    width,
    height,
  }
}

/** ∂(node)/∂(operand `slot`), from the operand values. */
function localDerivative(expression: Expression, values: number[], slot: number): number {
  const [x = 0, y = 0] = values
  switch (expression.type) {
    case 'negate':
      return -1
    case 'power':
      return expression.exponent * x ** (expression.exponent - 1)
    case 'binary':
      if (expression.op === '+') return 1
      if (expression.op === '-') return slot === 0 ? 1 : -1
      if (expression.op === '*') return slot === 0 ? y : x
      return slot === 0 ? 1 / y : -x / (y * y)
    default:
      return 0
  }
}

function collectVariables(expression: Expression, into: Set<string>): void {
  if (expression.type === 'variable') into.add(expression.name)
  else if (expression.type === 'binary') {
    collectVariables(expression.left, into)
    collectVariables(expression.right, into)
  } else if (expression.type === 'negate') collectVariables(expression.operand, into)
  else if (expression.type === 'power') collectVariables(expression.base, into)
}

/** d, e, f… skipping the variables' own names; then v1, v2… if the alphabet runs out. */
function* intermediateNames(taken: Set<string>): Generator<string> {
  const start =
    'abcdefghijklmnopqrstuvwxyz'.indexOf(
      [...taken]
        .filter((n) => /^[a-z]$/.test(n))
        .sort()
        .at(-1) ?? '`',
    ) + 1
  for (const letter of 'abcdefghijklmnopqrstuvwxyz'.slice(start)) if (!taken.has(letter)) yield letter
  for (let i = 1; ; i++) if (!taken.has(`v${i}`)) yield `v${i}`
}

/**
 * Inputs stacked in the first column in order of first use; each operation one column right of
 * its latest operand, at the mean height of its operands, pushed apart when two would overlap.
 */
function layout(nodes: GraphNode[], edges: GraphEdge[]): { width: number; height: number } {
  const leaves = nodes.filter((node) => node.column === 0)
  leaves.forEach((node, i) => {
    node.y = MARGIN + i * ROW_HEIGHT
  })
  const columns = Math.max(...nodes.map((node) => node.column)) + 1
  for (let column = 1; column < columns; column++) {
    const inColumn = nodes.filter((node) => node.column === column)
    for (const node of inColumn) {
      const operands = edges.filter((edge) => edge.to === node.id).map((edge) => nodes[edge.from]!.y)
      node.y = operands.reduce((sum, y) => sum + y, 0) / operands.length
    }
    inColumn.sort((p, q) => p.y - q.y)
    for (let i = 1; i < inColumn.length; i++)
      inColumn[i]!.y = Math.max(inColumn[i]!.y, inColumn[i - 1]!.y + ROW_HEIGHT)
  }
  for (const node of nodes) node.x = MARGIN + node.column * COLUMN_WIDTH
  return {
    width: 2 * MARGIN + (columns - 1) * COLUMN_WIDTH,
    height: Math.max(...nodes.map((node) => node.y)) + MARGIN + 8,
  }
}
