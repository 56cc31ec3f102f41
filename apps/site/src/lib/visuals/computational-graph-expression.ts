/**
 * Parses the small arithmetic expressions a computational-graph visual draws:
 * + - * / on variables and numbers, unary minus, parentheses, and ^ with a numeric exponent.
 * Precedence as usual: ^ (right to left) over unary minus over * / over + -.
 */

export type Expression =
  | { type: 'variable'; name: string }
  | { type: 'constant'; value: number }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Expression; right: Expression }
  | { type: 'negate'; operand: Expression }
  | { type: 'power'; base: Expression; exponent: number }

interface Token {
  kind: 'number' | 'name' | 'symbol'
  text: string
  /** 1-based column in the expression, for error messages. */
  column: number
}

const TOKEN = /\s*(?:(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^()]))/y

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex
    if (/^\s*$/.test(source.slice(start))) break
    const match = TOKEN.exec(source)
    if (!match) {
      const column = start + 1 + (source.slice(start).length - source.slice(start).trimStart().length)
      throw new ExpressionError(source, column, `unexpected character "${source[column - 1]}"`)
    }
    const text = match[1] ?? match[2] ?? match[3]!
    const kind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'name' : 'symbol'
    tokens.push({ kind, text, column: match.index + match[0].length - text.length + 1 })
  }
  return tokens
}

export class ExpressionError extends Error {
  constructor(source: string, column: number, problem: string) {
    super(`expression "${source}", column ${column}: ${problem}`)
    this.name = 'ExpressionError'
  }
}

export function parseExpression(source: string): Expression {
  const tokens = tokenize(source)
  let position = 0
  const peek = () => tokens[position]
  const endColumn = source.length + 1
  const fail = (problem: string, token = peek()): never => {
    throw new ExpressionError(source, token?.column ?? endColumn, problem)
  }
  const accept = (text: string) => {
    if (peek()?.kind === 'symbol' && peek()?.text === text) {
      position++
      return true
    }
    return false
  }

  const sum = (): Expression => {
    let left = product()
    for (;;) {
      const op = peek()?.text
      if (peek()?.kind !== 'symbol' || (op !== '+' && op !== '-')) return left
      position++
      left = { type: 'binary', op, left, right: product() }
    }
  }
  const product = (): Expression => {
    let left = unary()
    for (;;) {
      const op = peek()?.text
      if (peek()?.kind !== 'symbol' || (op !== '*' && op !== '/')) return left
      position++
      left = { type: 'binary', op, left, right: unary() }
    }
  }
  const unary = (): Expression => (accept('-') ? { type: 'negate', operand: unary() } : power())
  const power = (): Expression => {
    const base = atom()
    if (!accept('^')) return base
    const negative = accept('-')
    const token = peek()
    if (token?.kind !== 'number') return fail('the exponent after ^ must be a number')
    position++
    const exponent = (negative ? -1 : 1) * Number(token.text)
    // a^2^3 means a^(2^3) in mathematics; we only allow one numeric exponent, so reject it.
    if (peek()?.text === '^') fail('write a single number after ^ (use parentheses for (a^2)^3)')
    return { type: 'power', base, exponent }
  }
  const atom = (): Expression => {
    const token = peek()
    if (token === undefined) return fail('the expression ends too early')
    position++
    if (token.kind === 'number') return { type: 'constant', value: Number(token.text) }
    if (token.kind === 'name') return { type: 'variable', name: token.text }
    if (token.text === '(') {
      const inner = sum()
      if (!accept(')')) fail('missing ")"')
      return inner
    }
    return fail(`expected a number, a variable or "(", found "${token.text}"`, token)
  }

  const expression = sum()
  if (position < tokens.length) fail(`unexpected "${peek()!.text}"`)
  return expression
}
