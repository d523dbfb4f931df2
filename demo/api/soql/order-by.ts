import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import { resolvePath } from './field-path.ts';
import type { StoredRecord } from './query-context.ts';
import { clauseStart, failAt, locate, pathSegments, type Scope } from './scope.ts';
import { messages } from './soql-error.ts';

export type RowSorter = (rows: StoredRecord[]) => StoredRecord[];

type SortKey = string | number | boolean | null;

interface SortColumn {
  key: (row: StoredRecord) => SortKey;
  descending: boolean;
  nullsFirst: boolean;
}

const textTypes = new Set(['string', 'textarea', 'picklist', 'email', 'phone', 'url']);

/**
 * ORDER BY compiled once. Keys are read once per row into columns (text lower-cased, as Salesforce
 * sorts case-insensitively) and an index array is sorted, so comparisons do no look-ups. Nulls go
 * first for ASC and last for DESC unless NULLS FIRST/LAST says otherwise.
 */
export function compileOrderBy(scope: Scope, orderBy: OrderByClause | OrderByClause[] | undefined): RowSorter | null {
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  if (clauses.length === 0) return null;
  const columns = clauses.map((clause) => compileColumn(scope, clause));
  return (rows) => sortRows(rows, columns);
}

function compileColumn(scope: Scope, clause: OrderByClause): SortColumn {
  if (!('field' in clause)) {
    const name = clause.fn.functionName ?? 'function';
    throw failAt(scope, name, 'MALFORMED_QUERY', `${name} in ORDER BY is not supported by the demo org`);
  }
  const at = locate(scope, clause.field, clauseStart(scope, 'ORDER'));
  const path = resolvePath(scope, pathSegments(scope, clause.field), clause.field, at);
  if (!path.field.filterable) {
    throw failAt(scope, clause.field, 'INVALID_FIELD', messages.notSortable(path.field.name), at);
  }
  const descending = clause.order === 'DESC';
  const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
  const get = path.get;
  const key = textTypes.has(path.field.type)
    ? (row: StoredRecord): SortKey => {
        const value = get(row);
        return typeof value === 'string' && value !== '' ? value.toLowerCase() : null;
      }
    : (row: StoredRecord): SortKey => {
        const value = get(row);
        return value === undefined || value === '' ? null : (value as SortKey);
      };
  return { key, descending, nullsFirst };
}

function sortRows(rows: StoredRecord[], columns: SortColumn[]): StoredRecord[] {
  const keys = columns.map((column) => rows.map(column.key));
  const order = rows.map((_, index) => index);
  order.sort((a, b) => {
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as SortColumn;
      const values = keys[c] as SortKey[];
      const x = values[a] as SortKey;
      const y = values[b] as SortKey;
      if (x === y) continue;
      if (x === null) return column.nullsFirst ? -1 : 1;
      if (y === null) return column.nullsFirst ? 1 : -1;
      const ascending = x < y ? -1 : 1;
      return column.descending ? -ascending : ascending;
    }
    return 0;
  });
  return order.map((index) => rows[index] as StoredRecord);
}
