import type { FieldFunctionExpression, GroupByClause, Query } from '@jetstreamapp/soql-parser-js';
import { type FieldPath, resolvePath } from './field-path.ts';
import type { RowSorter } from './order-by.ts';
import type { OutputRecord, StoredRecord } from './query-context.ts';
import { failAt, pathSegments, type Scope } from './scope.ts';

type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

type AggregateItem =
  | { kind: 'group'; key: string; path: FieldPath }
  | { kind: 'function'; key: string; fn: AggregateFunction; path: FieldPath | null };

export interface AggregatePlan {
  groupBy: FieldPath[];
  items: AggregateItem[];
}

const functions = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const numeric = new Set(['double', 'int', 'currency', 'percent']);

/** `SELECT COUNT() FROM X`: Salesforce answers with totalSize alone. */
export function isCountQuery(query: Query): boolean {
  return (query.fields ?? []).some(
    (field) =>
      field.type === 'FieldFunctionExpression' &&
      field.functionName.toUpperCase() === 'COUNT' &&
      field.parameters.length === 0,
  );
}

export function isAggregateQuery(query: Query): boolean {
  return (
    query.groupBy !== undefined ||
    (query.fields ?? []).some((field) => field.type === 'FieldFunctionExpression' && field.isAggregateFn)
  );
}

export function checkCountQuery(scope: Scope, query: Query): void {
  if ((query.fields ?? []).length !== 1 || query.groupBy !== undefined) {
    throw failAt(scope, 'COUNT', 'MALFORMED_QUERY', 'COUNT() must be the only element in the SELECT list.');
  }
}

/** Aggregate queries: COUNT / COUNT_DISTINCT / SUM / AVG / MIN / MAX, optionally GROUP BY fields. */
export function planAggregate(scope: Scope, query: Query): AggregatePlan {
  if (query.having) throw failAt(scope, 'HAVING', 'MALFORMED_QUERY', 'HAVING is not supported by the demo org');
  const clauses: GroupByClause[] = query.groupBy === undefined ? [] : [query.groupBy].flat();
  const groupBy = clauses.map((clause) => {
    if (!('field' in clause)) throw failAt(scope, 'GROUP', 'MALFORMED_QUERY', 'GROUP BY functions are not supported');
    return resolvePath(scope, pathSegments(scope, clause.field), clause.field);
  });
  const grouped = new Set(groupBy.map((path) => path.field));
  let expression = 0;
  const items = (query.fields ?? []).map((item): AggregateItem => {
    if (item.type === 'FieldFunctionExpression' && functions.has(item.functionName.toUpperCase())) {
      const path = functionPath(scope, item);
      return {
        kind: 'function',
        key: item.alias ?? `expr${expression++}`,
        fn: item.functionName.toUpperCase() as AggregateFunction,
        path,
      };
    }
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      const segments = item.type === 'Field' ? [item.field] : [...item.relationships, item.field];
      const raw = ('rawValue' in item && item.rawValue) || segments.join('.');
      const path = resolvePath(scope, segments, raw);
      if (!grouped.has(path.field)) {
        throw failAt(scope, raw, 'MALFORMED_QUERY', `Field must be grouped or aggregated: ${path.field.name}`);
      }
      return { kind: 'group', key: ('alias' in item && item.alias) || path.field.name, path };
    }
    const name = item.type === 'FieldFunctionExpression' ? item.functionName : 'TYPEOF';
    throw failAt(scope, name, 'MALFORMED_QUERY', `${name} is not supported in aggregate queries by the demo org`);
  });
  return { groupBy, items };
}

function functionPath(scope: Scope, item: FieldFunctionExpression): FieldPath | null {
  const parameter = item.parameters[0];
  if (parameter === undefined) return null;
  if (typeof parameter !== 'string')
    throw failAt(scope, item.functionName, 'MALFORMED_QUERY', 'Nested functions are not supported');
  const path = resolvePath(scope, pathSegments(scope, parameter), parameter);
  const fn = item.functionName.toUpperCase();
  if ((fn === 'SUM' || fn === 'AVG') && !numeric.has(path.field.type)) {
    throw failAt(
      scope,
      parameter,
      'MALFORMED_QUERY',
      `field ${path.field.name} does not support aggregate operator ${fn}`,
    );
  }
  return path;
}

/** Groups the matching rows and builds one AggregateResult per group (one in all without GROUP BY). */
export function runAggregate(
  plan: AggregatePlan,
  rows: StoredRecord[],
  sort: RowSorter | null,
  offset: number,
  limit: number | undefined,
): OutputRecord[] {
  const groups = new Map<string, StoredRecord[]>();
  if (plan.groupBy.length === 0) groups.set('', rows);
  for (const row of plan.groupBy.length === 0 ? [] : rows) {
    const key = plan.groupBy.map((path) => String(path.get(row) ?? '\u0000')).join('\u0001');
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  let lists = [...groups.values()];
  if (sort) {
    const byFirst = new Map(lists.map((list) => [list[0] as StoredRecord, list]));
    lists = sort([...byFirst.keys()]).map((first) => byFirst.get(first) ?? []);
  }
  lists = lists.slice(offset, limit === undefined ? undefined : offset + limit);
  return lists.map((list) => {
    const record: OutputRecord = { attributes: { type: 'AggregateResult' } };
    for (const item of plan.items) {
      record[item.key] = item.kind === 'group' ? (item.path.get(list[0] as StoredRecord) ?? null) : compute(item, list);
    }
    return record;
  });
}

function compute(item: Extract<AggregateItem, { kind: 'function' }>, rows: StoredRecord[]): unknown {
  const get = item.path?.get;
  if (!get) return rows.length;
  const values: unknown[] = [];
  for (const row of rows) {
    const value = get(row);
    if (value !== null && value !== undefined && value !== '') values.push(value);
  }
  switch (item.fn) {
    case 'COUNT':
      return values.length;
    case 'COUNT_DISTINCT':
      return new Set(values.map((value) => (typeof value === 'string' ? value.toLowerCase() : value))).size;
    case 'SUM':
      return values.length === 0 ? null : (values as number[]).reduce((sum, value) => sum + value, 0);
    case 'AVG':
      return values.length === 0 ? null : (values as number[]).reduce((sum, value) => sum + value, 0) / values.length;
    case 'MIN':
      return extreme(values, (value, best) => value < best);
    case 'MAX':
      return extreme(values, (value, best) => value > best);
  }
}

/** Numbers, dates and datetimes (stored as sortable text) alike. */
function extreme(values: unknown[], better: (value: string | number, best: string | number) => boolean): unknown {
  let best = (values[0] ?? null) as string | number | null;
  for (const value of values)
    if (best !== null && better(value as string | number, best)) best = value as string | number;
  return best;
}
