import { dateLiteralRange } from './date-literals.ts';
import type { FieldPath } from './field-path.ts';
import {
  dateMillis,
  datetimeMillis,
  likePattern,
  numberValue,
  storedDate,
  storedDatetime,
  stringValue,
} from './literals.ts';
import { canonicalId } from './record-ids.ts';
import { failAt, type Scope } from './scope.ts';
import { messages, type SoqlError } from './soql-error.ts';

/**
 * Tests of one stored value against a literal, per kind of field. Literals are converted here,
 * once per query; the returned closures only compare.
 */
export type ValueTest = (value: unknown) => boolean;

export type Domain = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

export interface Literal {
  /** The parser's literal type: STRING, INTEGER, DATE, DATE_N_LITERAL… */
  type: string;
  /** The literal as written, quotes included. */
  raw: string;
  /** The n of LAST_N_DAYS:n and friends. */
  n: number;
}

export const isNull: ValueTest = (value) => value === null || value === undefined || value === '';

export function compileSingle(
  scope: Scope,
  path: FieldPath,
  domain: Domain,
  operator: string,
  literal: Literal,
  fieldAt: number,
  fail: (text: string) => SoqlError,
): ValueTest {
  if (literal.type === 'NULL') {
    if (operator === '=') return isNull;
    if (operator === '!=' || operator === '<>') return (value) => !isNull(value);
    return () => false;
  }
  if (operator === 'LIKE') {
    if (domain === 'id') throw fail('invalid operator on id field');
    if (domain !== 'text') throw fail(`invalid operator on field ${path.field.name}`);
    const pattern = likePattern(literal.raw);
    return (value) => typeof value === 'string' && pattern.test(value);
  }
  const equals = compileEquals(scope, domain, literal, fieldAt);
  if (operator === '=') return equals;
  if (operator === '!=' || operator === '<>') return (value) => !equals(value);
  if (domain === 'boolean') throw fail('invalid operator on boolean field');
  return compileOrdering(scope, domain, operator, literal, fieldAt);
}

function compileEquals(scope: Scope, domain: Domain, literal: Literal, fieldAt: number): ValueTest {
  switch (domain) {
    case 'text': {
      const text = stringValue(literal.raw);
      // Salesforce stores an empty text as null, so `= ''` finds the blank ones.
      if (text === '') return isNull;
      const lower = text.toLowerCase();
      return (value) =>
        typeof value === 'string' &&
        (value === text || (value.length === text.length && value.toLowerCase() === lower));
    }
    case 'id': {
      const text = stringValue(literal.raw);
      if (text === '') return isNull;
      const id = idLiteral(scope, literal, fieldAt);
      return (value) => value === id;
    }
    case 'number': {
      const number = numberValue(literal.raw);
      return (value) => value === number;
    }
    case 'boolean': {
      const flag = literal.raw.toUpperCase() === 'TRUE';
      return (value) => (value === true) === flag;
    }
    default: {
      const [low, high] = bounds(scope, domain, literal);
      return (value) => typeof value === 'string' && value >= low && value < high;
    }
  }
}

/** `<`, `<=`, `>`, `>=`: text compares case-insensitively, dates and datetimes as their sortable text. */
function compileOrdering(scope: Scope, domain: Domain, operator: string, literal: Literal, fieldAt: number): ValueTest {
  if (domain === 'number') {
    const n = numberValue(literal.raw);
    return numberOrdering(operator, n);
  }
  if (domain === 'text' || domain === 'id') {
    const text = domain === 'id' ? idLiteral(scope, literal, fieldAt) : stringValue(literal.raw).toLowerCase();
    const key = domain === 'id' ? (value: string) => value : (value: string) => value.toLowerCase();
    const compare = textOrdering(operator, text);
    return (value) => typeof value === 'string' && value !== '' && compare(key(value));
  }
  // A date range [low, high): `< d` is before it starts, `<= d` before it ends, and so on.
  const [low, high] = bounds(scope, domain, literal);
  switch (operator) {
    case '<':
      return (value) => typeof value === 'string' && value < low;
    case '<=':
      return (value) => typeof value === 'string' && value < high;
    case '>':
      return (value) => typeof value === 'string' && value >= high;
    default:
      return (value) => typeof value === 'string' && value >= low;
  }
}

function numberOrdering(operator: string, n: number): ValueTest {
  switch (operator) {
    case '<':
      return (value) => typeof value === 'number' && value < n;
    case '<=':
      return (value) => typeof value === 'number' && value <= n;
    case '>':
      return (value) => typeof value === 'number' && value > n;
    default:
      return (value) => typeof value === 'number' && value >= n;
  }
}

function textOrdering(operator: string, text: string): (value: string) => boolean {
  switch (operator) {
    case '<':
      return (value) => value < text;
    case '<=':
      return (value) => value <= text;
    case '>':
      return (value) => value > text;
    default:
      return (value) => value >= text;
  }
}

export function compileIn(scope: Scope, domain: Domain, literals: Literal[], fieldAt: number): ValueTest {
  const acceptsNull = literals.some((literal) => literal.type === 'NULL' || literal.raw === "''");
  const values = literals.filter((literal) => literal.type !== 'NULL' && literal.raw !== "''");
  let member: ValueTest;
  if (domain === 'text') {
    const set = new Set(values.map((literal) => stringValue(literal.raw).toLowerCase()));
    member = (value) => typeof value === 'string' && set.has(value.toLowerCase());
  } else if (domain === 'id') {
    const set = new Set(values.map((literal) => idLiteral(scope, literal, fieldAt)));
    member = (value) => typeof value === 'string' && set.has(value);
  } else if (domain === 'number') {
    const set = new Set(values.map((literal) => numberValue(literal.raw)));
    member = (value) => typeof value === 'number' && set.has(value);
  } else if (domain === 'boolean') {
    const set = new Set(values.map((literal) => literal.raw.toUpperCase() === 'TRUE'));
    member = (value) => set.has(value === true);
  } else {
    const ranges = values.map((literal) => bounds(scope, domain, literal));
    member = (value) => typeof value === 'string' && ranges.some(([low, high]) => value >= low && value < high);
  }
  return acceptsNull ? (value) => isNull(value) || member(value) : member;
}

function idLiteral(scope: Scope, literal: Literal, fieldAt: number): string {
  const text = stringValue(literal.raw);
  const id = canonicalId(text);
  if (id === null) {
    throw failAt(scope, literal.raw, 'INVALID_QUERY_FILTER_OPERATOR', messages.invalidId(text), fieldAt);
  }
  return id;
}

const day = 86_400_000;

/**
 * A temporal literal as the half-open range [low, high) of stored text it covers. Stored dates and
 * datetimes sort as text, so rows are compared without parsing them. A date (or TODAY…) against a
 * datetime field covers the whole UTC day, as Salesforce compares on the date.
 */
function bounds(scope: Scope, domain: Domain, literal: Literal): [string, string] {
  let start: number | null = null;
  let end = 0;
  if (literal.type === 'DATETIME') {
    start = datetimeMillis(literal.raw);
    end = (start ?? 0) + 1;
    if (start !== null && domain === 'date') {
      start = Math.floor(start / day) * day;
      end = start + day;
    }
  } else if (literal.type === 'DATE') {
    start = dateMillis(literal.raw);
    end = (start ?? 0) + day;
  } else {
    const range = dateLiteralRange(literal.raw, literal.n, scope.ctx.now);
    if (range) ({ start, end } = range);
  }
  if (start === null || Number.isNaN(start)) {
    throw failAt(scope, literal.raw, 'MALFORMED_QUERY', messages.unexpectedToken(literal.raw));
  }
  const format = domain === 'date' ? storedDate : storedDatetime;
  return [format(start), format(end)];
}
