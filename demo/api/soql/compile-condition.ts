import type { ConditionWithValueQuery, Query } from '@jetstreamapp/soql-parser-js';
import type { FieldSchema, FieldType } from '../schema/types.ts';
import { resolvePath } from './field-path.ts';
import { stringValue } from './literals.ts';
import type { StoredRecord } from './query-context.ts';
import { canonicalId } from './record-ids.ts';
import { clauseStart, failAt, locate, pathSegments, type Scope } from './scope.ts';
import { messages } from './soql-error.ts';
import { compileIn, compileSingle, type Domain, type Literal, type ValueTest } from './value-tests.ts';

export type Predicate = (row: StoredRecord) => boolean;

export interface CompiledCondition {
  test: Predicate;
  /** For `Id = …` / `Id IN (…)`: the only rows that can match, so the engine looks them up by id. */
  ids?: string[];
}

/** Runs a semi-join subquery (`Id IN (SELECT Opportunity__c FROM …)`) and returns the values it selects. */
export type SemiJoin = (scope: Scope, query: Query, at: number) => Set<unknown>;

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
