import type { ConditionWithValueQuery, Query } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema, FieldType } from '../schema/types.ts';
import { dateLiteralRange } from './date-literals.ts';
import { type FieldPath, resolvePath } from './field-path.ts';
import {
  dateMillis,
  datetimeMillis,
  likePattern,
  numberValue,
  storedDate,
  storedDatetime,
  stringValue,
} from './literals.ts';
import type { StoredRecord } from './query-context.ts';
import { canonicalId } from './record-ids.ts';
import { clauseStart, failAt, locate, pathSegments, type Scope } from './scope.ts';
import { messages, type SoqlError } from './soql-error.ts';

export type Predicate = (row: StoredRecord) => boolean;
type ValueTest = (value: unknown) => boolean;

export interface CompiledCondition {
  test: Predicate;
  /** For `Id = …` / `Id IN (…)`: the only rows that can match, so the engine looks them up by id. */
  ids?: string[];
}

/** Runs a semi-join subquery (`Id IN (SELECT Opportunity__c FROM …)`) and returns the values it selects. */
export type SemiJoin = (scope: Scope, query: Query, at: number) => Set<unknown>;

type Domain = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

const domains: Record<FieldType, Domain> = {
  id: 'id',
  reference: 'id',
  string: 'text',
  textarea: 'text',
  picklist: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  double: 'number',
  int: 'number',
  currency: 'number',
  percent: 'number',
};

/** The literal types each kind of field accepts (NULL is accepted everywhere). */
const accepted: Record<Domain, string[]> = {
  text: ['STRING'],
  id: ['STRING'],
  number: ['INTEGER', 'DECIMAL', 'INTEGER_WITH_CURRENCY_PREFIX', 'DECIMAL_WITH_CURRENCY_PREFIX'],
  boolean: ['BOOLEAN'],
  date: ['DATE', 'DATETIME', 'DATE_LITERAL', 'DATE_N_LITERAL'],
  datetime: ['DATE', 'DATETIME', 'DATE_LITERAL', 'DATE_N_LITERAL'],
};

interface Literal {
  type: string;
  raw: string;
  n: number;
}

/** Compiles one `field op value` condition into a closure; all literal work happens here, once. */
export function compileCondition(
  scope: Scope,
  condition: ConditionWithValueQuery,
  semiJoin: SemiJoin,
): CompiledCondition {
  if (!('field' in condition)) {
    const name = 'fn' in condition ? (condition.fn.functionName ?? 'function') : 'NOT';
    throw failAt(scope, name, 'MALFORMED_QUERY', `${name} in WHERE is not supported by the demo org`);
  }
  const raw = condition.field;
  const fieldAt = locate(scope, raw, clauseStart(scope, 'WHERE'));
  const path = resolvePath(scope, pathSegments(scope, raw), raw, fieldAt);
  const field = path.field;
  if (!field.filterable) throw failAt(scope, raw, 'INVALID_FIELD', messages.notFilterable(field.name), fieldAt);
  const domain = domains[field.type];
  const operator = condition.operator.toUpperCase();
  const get = path.get;

  if ('valueQuery' in condition) {
    if (domain !== 'id' && domain !== 'text') {
      throw failAt(scope, 'SELECT', 'MALFORMED_QUERY', messages.unexpectedToken('SELECT'), fieldAt);
    }
    const values = semiJoin(scope, condition.valueQuery, fieldAt);
    const inSet: Predicate = (row) => values.has(get(row));
    return { test: operator === 'NOT IN' ? (row) => !inSet(row) : inSet };
  }

  const literals = literalsOf(condition);
  for (const literal of literals) checkLiteral(scope, field, domain, literal, fieldAt);
  const fail = (text: string) => failAt(scope, raw, 'INVALID_QUERY_FILTER_OPERATOR', text, fieldAt);

  let valueTest: ValueTest;
  if (operator === 'IN' || operator === 'NOT IN') {
    const inList = compileIn(scope, domain, literals, fieldAt);
    valueTest = operator === 'IN' ? inList : (value) => !inList(value);
  } else if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
    throw fail('includes or excludes operator only valid on multipicklist field');
  } else {
    const literal = literals[0];
    if (!literal) throw failAt(scope, raw, 'MALFORMED_QUERY', messages.unexpectedToken(raw));
    valueTest = compileSingle(scope, path, domain, operator, literal, fieldAt, fail);
  }
  const test: Predicate = (row) => valueTest(get(row));
  const ids =
    path.hops.length === 0 && field.type === 'id' && (operator === '=' || operator === 'IN')
      ? literals.flatMap((literal) => (literal.type === 'STRING' ? [canonicalId(stringValue(literal.raw)) ?? ''] : []))
      : undefined;
  return ids ? { test, ids } : { test };
}

function literalsOf(condition: ConditionWithValueQuery & { field: string }): Literal[] {
  const values = 'value' in condition ? condition.value : [];
  const list = Array.isArray(values) ? values : [values];
  const types = 'literalType' in condition ? condition.literalType : undefined;
  const numbers = 'dateLiteralVariable' in condition ? condition.dateLiteralVariable : 0;
  return list.map((raw, index) => ({
    raw,
    type: (Array.isArray(types) ? types[index] : types) ?? 'STRING',
    n: Array.isArray(numbers) ? (numbers[index] ?? 0) : numbers,
  }));
}

function checkLiteral(scope: Scope, field: FieldSchema, domain: Domain, literal: Literal, fieldAt: number): void {
  if (literal.type === 'NULL' || accepted[domain].includes(literal.type)) return;
  if (literal.type === 'APEX_BIND_VARIABLE') {
    throw failAt(scope, `:${literal.raw}`, 'MALFORMED_QUERY', messages.unexpectedToken(`:${literal.raw}`), fieldAt);
  }
  const quoted = domain === 'text' || domain === 'id';
  const typeName = {
    text: 'string',
    id: 'id',
    number: field.type === 'int' ? 'int' : 'double',
    boolean: 'boolean',
    date: 'date',
    datetime: 'dateTime',
  }[domain];
  throw failAt(scope, literal.raw, 'INVALID_FIELD', messages.wrongLiteralType(field.name, typeName, quoted), fieldAt);
}

const isNull: ValueTest = (value) => value === null || value === undefined || value === '';

function compileSingle(
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

function compileIn(scope: Scope, domain: Domain, literals: Literal[], fieldAt: number): ValueTest {
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
