import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import { resolvePath } from './field-path.ts';
import type { StoredRecord } from './query-context.ts';
import { clauseStart, failAt, locate, pathSegments, type Scope } from './scope.ts';
import { messages } from './soql-error.ts';

/** Sorts rows; with `keep`, only the first `keep` of the sorted order are needed (LIMIT + OFFSET). */
export type RowSorter = (rows: StoredRecord[], keep?: number) => StoredRecord[];

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
  return (rows, keep) => sortRows(rows, columns, keep ?? rows.length);
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

function sortRows(rows: StoredRecord[], columns: SortColumn[], keep: number): StoredRecord[] {
  const keys = columns.map((column) => rows.map(column.key));
  // Ties fall back to the original position, so the order is stable however it is computed.
  const compare = (a: number, b: number): number => {
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
    return a - b;
  };
  const order = keep * 8 < rows.length ? firstInOrder(rows.length, keep, compare) : rows.map((_, index) => index);
  order.sort(compare);
  return order.map((index) => rows[index] as StoredRecord);
}

/** The `keep` smallest indexes under `compare`, unsorted: a bounded max-heap, O(n log keep). */
function firstInOrder(count: number, keep: number, compare: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  if (keep <= 0) return heap;
  const siftDown = (start: number) => {
    let parent = start;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let largest = parent;
      if (left < heap.length && compare(heap[left] as number, heap[largest] as number) > 0) largest = left;
      if (right < heap.length && compare(heap[right] as number, heap[largest] as number) > 0) largest = right;
      if (largest === parent) return;
      [heap[parent], heap[largest]] = [heap[largest] as number, heap[parent] as number];
      parent = largest;
    }
  };
  for (let index = 0; index < count; index++) {
    if (heap.length < keep) {
      heap.push(index);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (compare(heap[child] as number, heap[parent] as number) <= 0) break;
        [heap[parent], heap[child]] = [heap[child] as number, heap[parent] as number];
        child = parent;
      }
    } else if (compare(index, heap[0] as number) < 0) {
      heap[0] = index;
      siftDown(0);
    }
  }
  return heap;
}
