import type { ListPage } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';

/**
 * Where a table's rows come from, one page at a time. The server pages and sorts list views; a
 * related list already holds its few rows and sorts them itself.
 */
export interface RowPage<Row> {
  rows: Row[];
  total: number;
}

export interface RowSort {
  fieldName: string;
  direction: 'asc' | 'desc';
}

export type RowSource<Row> = (offset: number, limit: number, sort: RowSort | null) => Promise<RowPage<Row>>;

/** A list endpoint (`path` may carry its own query, e.g. the list view's filter). */
export function remoteRows<Row>(path: string): RowSource<Row> {
  return async (offset, limit, sort) => {
    const url = new URL(path, location.origin);
    url.searchParams.set('offset', String(offset));
    url.searchParams.set('limit', String(limit));
    if (sort) {
      url.searchParams.set('sortBy', sort.fieldName);
      url.searchParams.set('sortDir', sort.direction);
    }
    const page = await fetchView<ListPage & { rows: Row[] }>(url.pathname + url.search);
    return { rows: page.rows, total: page.total };
  };
}

/** Rows already in hand, sorted by the column's own sort value. */
export function localRows<Row>(
  rows: Row[],
  sortValue: (fieldName: string, row: Row) => string | number,
): RowSource<Row> {
  const collator = new Intl.Collator('en');
  return async (offset, limit, sort) => {
    let ordered = rows;
    if (sort) {
      const sign = sort.direction === 'asc' ? 1 : -1;
      ordered = [...rows].sort((a, b) => {
        const x = sortValue(sort.fieldName, a);
        const y = sortValue(sort.fieldName, b);
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
      });
    }
    return { rows: ordered.slice(offset, offset + limit), total: rows.length };
  };
}
