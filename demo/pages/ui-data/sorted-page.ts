import type { SortDirection } from './list-query';

export type SortKey = string | number | null;

/** One collator for every comparison: `localeCompare` builds one per call, far too slow for 10,000 rows. */
const collator = new Intl.Collator('en');

/**
 * One page of `items` in a total order: the key in `direction`, then the id, so a row never
 * appears on two pages or on none. Keys are read once per item (not per comparison), and nulls
 * come first ascending and last descending, as SOQL orders them.
 */
export function sortedPage<T>(
  items: T[],
  key: (item: T) => SortKey,
  id: (item: T) => string,
  direction: SortDirection,
  offset: number,
  limit: number,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = items.map((item) => ({ item, key: key(item), id: id(item) }));
  keyed.sort((a, b) => sign * compareKeys(a.key, b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.slice(offset, offset + limit).map((entry) => entry.item);
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
