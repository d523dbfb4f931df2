/**
 * Paging and sorting parameters of the list endpoints, as Lightning's list views fetch them:
 * a first page of 50, more pages as the user scrolls, sorting done by the server so every page
 * agrees with the one before it.
 */
export type SortDirection = 'asc' | 'desc';

export interface ListQuery {
  offset: number;
  limit: number;
  /** A sortable field name of the list, or null for the list's own order. */
  sortBy: string | null;
  sortDir: SortDirection;
}

export const defaultPageSize = 50;
/** Lightning's UI API refuses page sizes above this; so do the demo pages. */
export const maxPageSize = 200;

/** A parameter the endpoint refuses; answered as 400 like the UI API's ILLEGAL_QUERY_PARAMETER_VALUE. */
export class BadListQuery extends Error {}

export function parseListQuery(params: URLSearchParams, sortFields: readonly string[]): ListQuery {
  const offset = integerParam(params, 'offset', 0);
  const limit = integerParam(params, 'limit', defaultPageSize);
  if (offset < 0) throw new BadListQuery('offset must be 0 or more');
  if (limit < 1 || limit > maxPageSize) throw new BadListQuery(`limit must be between 1 and ${maxPageSize}`);
  const sortBy = params.get('sortBy');
  if (sortBy !== null && !sortFields.includes(sortBy)) throw new BadListQuery(`cannot sort by ${sortBy}`);
  const sortDir = params.get('sortDir') ?? 'asc';
  if (sortDir !== 'asc' && sortDir !== 'desc') throw new BadListQuery('sortDir must be asc or desc');
  return { offset, limit, sortBy, sortDir };
}

function integerParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new BadListQuery(`${name} must be an integer`);
  return Number(raw);
}
