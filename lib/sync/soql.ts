import { isRecordId } from '../model/record-id';

/** SOQL datetime literal: ISO-8601 in UTC, unquoted. */
export function soqlDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** SOQL date literal: `YYYY-MM-DD`, unquoted. */
export function soqlDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A quoted list of record ids for `IN (…)`; anything that is not an id is refused, never quoted. */
export function soqlIdList(ids: readonly string[]): string {
  for (const id of ids) if (!isRecordId(id)) throw new Error(`Not a Salesforce record id: ${id}`);
  return `(${ids.map((id) => `'${id}'`).join(', ')})`;
}

/** Conditions joined by AND, each in parentheses; none is no WHERE at all. */
export function where(conditions: readonly (string | null | false | undefined)[]): string {
  const kept = conditions.filter((c): c is string => typeof c === 'string' && c.length > 0);
  return kept.length === 0 ? '' : ` WHERE ${kept.map((c) => `(${c})`).join(' AND ')}`;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
