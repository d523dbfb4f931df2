import type { ConditionWithValueQuery, WhereClause } from '@jetstreamapp/soql-parser-js';
import { type CompiledCondition, compileCondition, type Predicate, type SemiJoin } from './compile-condition.ts';
import type { Scope } from './scope.ts';
import { errorAt, messages } from './soql-error.ts';
import { scanWords } from './source-position.ts';

/**
 * The parser returns WHERE as a right-leaning chain with parenthesis counts on the conditions.
 * It is flattened back into tokens and re-parsed with Salesforce's rules: AND and OR may not be
 * mixed without parentheses, and NOT only opens an expression (`A AND NOT (B)` is refused, `A AND
 * (NOT B)` is fine), both reported as "unexpected token".
 */
type Token =
  | { kind: '(' | ')' }
  | { kind: 'AND' | 'OR' | 'NOT'; ordinal: number }
  | { kind: 'condition'; condition: ConditionWithValueQuery };

type Expression =
  | { kind: 'condition'; condition: ConditionWithValueQuery }
  | { kind: 'NOT'; operand: Expression }
  | { kind: 'AND' | 'OR'; operands: Expression[] };

export interface CompiledWhere {
  test: Predicate;
  /** Set when the filter can only match these ids (a top-level `Id = …` or `Id IN (…)`). */
  ids?: string[];
}

export function compileWhere(scope: Scope, where: WhereClause | undefined, semiJoin: SemiJoin): CompiledWhere {
  if (!where) return { test: () => true };
  const tokens = flatten(where);
  const parser = new ExpressionParser(scope, tokens);
  const expression = parser.expression(true);
  parser.end();
  return compileExpression(scope, expression, semiJoin);
}

function flatten(where: WhereClause): Token[] {
  const tokens: Token[] = [];
  let ordinal = 0;
  let node: WhereClause | undefined = where;
  while (node) {
    const left = node.left as (ConditionWithValueQuery & { openParen?: number; closeParen?: number }) | null;
    for (let i = 0; i < (left?.openParen ?? 0); i++) tokens.push({ kind: '(' });
    const operator = 'operator' in node ? node.operator : undefined;
    if (operator === 'NOT') {
      tokens.push({ kind: 'NOT', ordinal: ordinal++ });
    } else {
      if (left) tokens.push({ kind: 'condition', condition: left });
      for (let i = 0; i < (left?.closeParen ?? 0); i++) tokens.push({ kind: ')' });
      if (operator === 'AND' || operator === 'OR') tokens.push({ kind: operator, ordinal: ordinal++ });
    }
    node = 'right' in node ? node.right : undefined;
  }
  return tokens;
}

class ExpressionParser {
  private position = 0;

  constructor(
    private readonly scope: Scope,
    private readonly tokens: Token[],
  ) {}

  expression(atStart: boolean): Expression {
    const first = this.operand(atStart);
    let joiner: 'AND' | 'OR' | undefined;
    const operands = [first];
    for (let token = this.peek(); token?.kind === 'AND' || token?.kind === 'OR'; token = this.peek()) {
      if (joiner && token.kind !== joiner) throw this.unexpected(token);
      joiner = token.kind;
      this.position++;
      operands.push(this.operand(false));
    }
    return joiner ? { kind: joiner, operands } : first;
  }

  end(): void {
    const token = this.peek();
    if (token) throw this.unexpected(token);
  }

  private operand(atStart: boolean): Expression {
    const token = this.tokens[this.position++];
    if (!token) throw this.unexpected(undefined);
    if (token.kind === 'NOT') {
      if (!atStart) throw this.unexpected(token);
      return { kind: 'NOT', operand: this.operand(false) };
    }
    if (token.kind === '(') {
      const inner = this.expression(true);
      const close = this.tokens[this.position++];
      if (close?.kind !== ')') throw this.unexpected(close);
      return inner;
    }
    if (token.kind === 'condition') return token;
    throw this.unexpected(token);
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private unexpected(token: Token | undefined): Error {
    const text =
      token === undefined ? '<EOF>' : token.kind === 'condition' ? conditionText(token.condition) : token.kind;
    const offset = token && 'ordinal' in token ? this.logicalOffset(token.ordinal) : this.scope.textStart;
    return errorAt(this.scope.soql, offset, 'MALFORMED_QUERY', messages.unexpectedToken(text));
  }

  /** The n-th AND / OR / NOT keyword after WHERE (the NOT of NOT IN does not count). */
  private logicalOffset(ordinal: number): number {
    const words = scanWords(this.scope.soql);
    const whereAt = words.findIndex((word) => word.offset >= this.scope.textStart && /^where$/i.test(word.text));
    let seen = 0;
    for (let i = Math.max(whereAt, 0); i < words.length; i++) {
      const word = words[i];
      if (!word || !/^(and|or|not)$/i.test(word.text)) continue;
      if (/^not$/i.test(word.text) && /^in$/i.test(words[i + 1]?.text ?? '')) continue;
      if (seen++ === ordinal) return word.offset;
    }
    return this.scope.textStart;
  }
}

function compileExpression(scope: Scope, expression: Expression, semiJoin: SemiJoin): CompiledWhere {
  switch (expression.kind) {
    case 'condition':
      return compileCondition(scope, expression.condition, semiJoin);
    case 'NOT': {
      const inner = compileExpression(scope, expression.operand, semiJoin).test;
      return { test: (row) => !inner(row) };
    }
    case 'AND': {
      const parts = expression.operands.map((operand) => compileExpression(scope, operand, semiJoin));
      const tests = parts.map((part) => part.test);
      const ids = parts.find((part: CompiledCondition) => part.ids)?.ids;
      const test: Predicate = (row) => {
        for (const t of tests) if (!t(row)) return false;
        return true;
      };
      return ids ? { test, ids } : { test };
    }
    case 'OR': {
      const tests = expression.operands.map((operand) => compileExpression(scope, operand, semiJoin).test);
      return {
        test: (row) => {
          for (const t of tests) if (t(row)) return true;
          return false;
        },
      };
    }
  }
}

function conditionText(condition: ConditionWithValueQuery): string {
  return 'field' in condition ? condition.field : '(';
}
