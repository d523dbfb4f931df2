/**
 * Which rows a virtualised table renders: those in the scroll viewport plus `overscan` rows
 * either side, so a short scroll shows rows already there. `last` is exclusive.
 */
export interface RowWindow {
  first: number;
  last: number;
}

export function rowWindow(options: {
  /** Scroll offset of the rows themselves (the sticky header's height already taken off). */
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
}): RowWindow {
  const { scrollTop, viewportHeight, rowHeight, count, overscan } = options;
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const first = Math.max(0, Math.min(top - overscan, count - visible - overscan));
  const last = Math.min(count, top + visible + overscan);
  return { first: Math.max(0, first), last: Math.max(Math.max(0, first), last) };
}
