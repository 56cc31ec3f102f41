import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildComputationalGraph,
  parseComputationalGraphOptions,
} from '../src/lib/visuals/computational-graph.js'
import { parseExpression } from '../src/lib/visuals/computational-graph-expression.js'

const byName = (graph: ReturnType<typeof buildComputationalGraph>, name: string) => {
  const node = graph.nodes.find((n) => n.name === name)
  if (!node) throw new Error(`no node ${name}`)
  return node
}

describe('parseExpression', () => {
  it('gives * precedence over + and ^ over unary minus', () => {
    expect(parseExpression('a + b * c')).toEqual({
      type: 'binary',
      op: '+',
      left: { type: 'variable', name: 'a' },
      right: {
        type: 'binary',
        op: '*',
        left: { type: 'variable', name: 'b' },
        right: { type: 'variable', name: 'c' },
      },
    })
    expect(parseExpression('-x^2')).toEqual({
      type: 'negate',
      operand: { type: 'power', base: { type: 'variable', name: 'x' }, exponent: 2 },
    })
  })

  it('reads - and / left to right', () => {
    expect(parseExpression('a - b - c')).toEqual({
      type: 'binary',
      op: '-',
      left: {
        type: 'binary',
        op: '-',
        left: { type: 'variable', name: 'a' },
        right: { type: 'variable', name: 'b' },
      },
      right: { type: 'variable', name: 'c' },
    })
  })

  it('accepts negative and decimal exponents', () => {
    expect(parseExpression('x^-0.5')).toEqual({
      type: 'power',
      base: { type: 'variable', name: 'x' },
      exponent: -0.5,
    })
  })

  it('names the column of the problem', () => {
    expect(() => parseExpression('(a*b')).toThrow('column 5: missing ")"')
    expect(() => parseExpression('a ^ b')).toThrow('column 5: the exponent after ^ must be a number')
    expect(() => parseExpression('a $ b')).toThrow('column 3: unexpected character "$"')
    expect(() => parseExpression('a b')).toThrow('column 3: unexpected "b"')
  })
})

describe('buildComputationalGraph', () => {
  // The lesson's example, worked by hand: d = a·b = −6, e = d + c = 4, f = e² = 16;
  // df/de = 2e = 8, df/dd = 8, df/dc = 8, df/da = 8·b = −24, df/db = 8·a = 16.
  const graph = buildComputationalGraph('(a*b+c)^2', { a: 2, b: -3, c: 10 })

  it('computes the forward values of the lesson example', () => {
    expect(graph.nodes.map((n) => [n.name, n.label, n.value])).toEqual([
      ['a', 'a', 2],
      ['b', 'b', -3],
      ['d', '×', -6],
      ['c', 'c', 10],
      ['e', '+', 4],
      ['f', '^2', 16],
    ])
    expect(byName(graph, 'd').formula).toBe('d = a × b')
    expect(byName(graph, 'f').formula).toBe('f = e^2')
  })

  it('gets the gradients of the lesson example from autograd', () => {
    expect(byName(graph, 'f').gradient).toBe(1)
    expect(byName(graph, 'e').gradient).toBe(8)
    expect(byName(graph, 'd').gradient).toBe(8)
    expect(byName(graph, 'a').gradient).toBe(-24)
    expect(byName(graph, 'b').gradient).toBe(16)
    expect(byName(graph, 'c').gradient).toBe(8)
    const edge = (from: string, to: string) =>
      graph.edges.find((e) => e.from === byName(graph, from).id && e.to === byName(graph, to).id)!
    expect([edge('a', 'd').gradient, edge('a', 'd').local]).toEqual([-24, -3])
    expect([edge('e', 'f').gradient, edge('e', 'f').local]).toEqual([8, 8])
  })

  it('keeps each use of a reused variable as its own edge, and their gradients add up', () => {
    // y = x·x + x at x = 3: the two × edges carry 3 each, the + edge 1; dy/dx = 2x + 1 = 7.
    const reused = buildComputationalGraph('x*x+x', { x: 3 })
    const x = byName(reused, 'x')
    const fromX = reused.edges.filter((e) => e.from === x.id).map((e) => e.gradient)
    expect(fromX.sort()).toEqual([1, 3, 3])
    expect(x.gradient).toBe(7)
    expect(reused.nodes.filter((n) => n.kind === 'variable')).toHaveLength(1)
  })

  it('differentiates division, subtraction and negation', () => {
    // g = −(a − b) / c at a = 1, b = 4, c = 2: g = 1.5; dg/da = −1/c = −0.5, dg/db = 0.5,
    // dg/dc = (a − b)/c² = −0.75.
    const g = buildComputationalGraph('-(a-b)/c', { a: 1, b: 4, c: 2 })
    expect(g.nodes[g.output]!.value).toBe(1.5)
    expect([byName(g, 'a').gradient, byName(g, 'b').gradient, byName(g, 'c').gradient]).toEqual([
      -0.5, 0.5, -0.75,
    ])
  })

  it('draws constants without a gradient', () => {
    const g = buildComputationalGraph('2*a', { a: 5 })
    const two = g.nodes.find((n) => n.kind === 'constant')!
    expect(two.gradient).toBeNull()
    expect(byName(g, 'a').gradient).toBe(2)
    expect(g.edges.find((e) => e.from === two.id)!.gradient).toBeNull()
  })

  it('matches a central difference for random inputs (edge gradient = upstream × local derivative too)', () => {
    const f = (a: number, b: number, c: number) => (a * b - c / 2) ** 3 + a
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (a, b, c) => {
          const g = buildComputationalGraph('(a*b - c/2)^3 + a', { a, b, c })
          const h = 1e-5
          const numeric = (f(a + h, b, c) - f(a - h, b, c)) / (2 * h)
          expect(byName(g, 'a').gradient).toBeCloseTo(numeric, 4)
          for (const edge of g.edges.filter((e) => g.nodes[e.from]!.kind !== 'constant'))
            expect(edge.gradient).toBeCloseTo(g.nodes[edge.to]!.gradient! * edge.local, 9)
        },
      ),
    )
  })

  it('lays inputs out in the first column and the output in the last', () => {
    const columns = graph.nodes.map((n) => n.column)
    expect(columns).toEqual([0, 0, 1, 0, 2, 3])
    expect(graph.nodes[graph.output]!.x).toBe(Math.max(...graph.nodes.map((n) => n.x)))
  })

  it('reports an input the expression needs but the options leave out', () => {
    expect(() => buildComputationalGraph('a*z', { a: 1 })).toThrow('uses "z" but "inputs" gives it no value')
  })
})

describe('parseComputationalGraphOptions', () => {
  it('reads the lesson options and rejects a non-numeric input', () => {
    expect(parseComputationalGraphOptions({ expression: 'a', inputs: { a: 2 }, show: ['values'] })).toEqual({
      expression: 'a',
      inputs: { a: 2 },
      show: { values: true, gradients: false },
    })
    expect(() => parseComputationalGraphOptions({ expression: 'a', inputs: { a: 'two' } })).toThrow(
      'input "a" must be a number',
    )
  })
})
