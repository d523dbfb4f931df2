import { h, settle } from '../dom.ts';
import type { RowPage, RowSort, RowSource } from './row-source.ts';
import { rowWindow } from './row-window.ts';
import { type Direction, headerCell } from './table-header.ts';
import { type Column, emptyRow, fillRow, setSpacerHeight, spacerRow } from './table-rows.ts';

export type { Column } from './table-rows.ts';

/** What the list header says: "50+ items" while more pages remain, and the sorted column. */
export interface TableStatus {
  loaded: number;
  total: number;
  sortedBy: string | null;
}

export interface Datatable<Row> {
  element: HTMLElement;
  /**
   * Shows `source` in a new `tbody` after a short pause, as Lightning inserts rows well after
   * navigation. `first` is a first page already fetched (e.g. with the list view itself);
   * `pause: false` skips the pause for rows that come with their page (a related list).
   */
  show(source: RowSource<Row>, first?: RowPage<Row>, pause?: boolean): Promise<void>;
}

/** Lightning's list views fetch 50 rows, then 50 more whenever the user nears the end. */
const pageSize = 50;
/** Rows kept rendered beyond each edge of the viewport. */
const overscan = 10;
/** Rows from the end of what is loaded at which the next page is fetched. */
const loadAhead = 10;
/** The stylesheet fixes the row height; this is only the guess before a row has been laid out. */
const defaultRowHeight = 36;

/**
 * An SLDS data table in Lightning's list markup (`lst-customized-datatable` > `table`), one
 * `tr[data-row-key-value=<record id>]` per rendered record. Like Lightning's it is virtualised:
 * only the rows around the viewport of its scroll container exist, the same `tr` elements are
 * refilled with other records as the user scrolls, spacer rows keep the scrollbar honest, and
 * pages are fetched as the end comes near. A click on a column header sorts on the source's
 * side: the rows come back after a pause in a new `tbody`. A short list renders every row.
 */
export function datatable<Row extends { id: string }>(
  columns: Column<Row>[],
  options: { onStatus?: (status: TableStatus) => void; sortedBy?: string | null } = {},
): Datatable<Row> {
  const onStatus = options.onStatus ?? (() => {});
  let source: RowSource<Row> | null = null;
  let loaded: Row[] = [];
  let total = 0;
  let loading = false;
  /** Between a sort click and its first page: no page may be appended to the old rows. */
  let reloading = false;
  /** Bumped by every new source or sort, so a page that arrives late is dropped. */
  let generation = 0;
  let sort: { column: Column<Row>; direction: Direction } | null = null;
  /** The list's own order until a header is clicked (e.g. by name, or none for Recently Viewed). */
  let sortedBy: string | null = options.sortedBy ?? null;
  let rowHeight = 0;
  let frame = 0;

  const headers = columns.map((column) => headerCell(column, () => void sortBy(column)));
  const headRow = h(
    'tr',
    { class: 'slds-line-height_reset' },
    h('th', { scope: 'col', class: 'slds-cell-buffer_left rowNumberHeader', 'aria-label': 'Row Number' }),
    ...headers.map((header) => header.element),
  );
  const table = h(
    'table',
    {
      class: 'slds-table slds-table_header-fixed slds-table_bordered slds-table_edit slds-table_resizable-cols',
      role: 'grid',
    },
    h('thead', {}, headRow),
    h('tbody', {}),
  );
  const scroller = h('div', { class: 'slds-scrollable_y' }, table);
  const empty = h('p', { class: 'slds-text-color_weak emptyContent', hidden: true }, 'No items to display.');
  const more = h('div', { class: 'slds-text-color_weak loadingMore', role: 'status', hidden: true }, 'Loading…');

  let tbody = table.querySelector('tbody') as HTMLElement;
  /** The rendered `tr`s in order; `pool[k]` shows row `poolFirst + k`. */
  let pool: HTMLElement[] = [];
  let poolFirst = 0;
  let topSpacer = spacerRow(columns.length + 1);
  let bottomSpacer = spacerRow(columns.length + 1);

  async function show(next: RowSource<Row>, first?: RowPage<Row>, pause = true) {
    source = next;
    await reload(first, pause);
  }

  async function reload(first?: RowPage<Row>, pause = true) {
    const turn = ++generation;
    reloading = true;
    if (pause) await settle();
    const page = first ?? (await fetchPage(0));
    if (turn !== generation || !page) return;
    reloading = false;
    loaded = [...page.rows];
    total = page.total;
    replaceBody();
    report();
  }

  async function fetchPage(offset: number): Promise<RowPage<Row> | null> {
    if (!source) return null;
    const wanted: RowSort | null = sort
      ? { fieldName: sort.column.fieldName, direction: sort.direction === 'ascending' ? 'asc' : 'desc' }
      : null;
    return source(offset, pageSize, wanted);
  }

  /** A sort or a new source: a fresh `tbody` and fresh rows, back at the top. */
  function replaceBody() {
    const next = h('tbody', {});
    table.replaceChild(next, tbody);
    tbody = next;
    pool = [];
    poolFirst = 0;
    topSpacer = spacerRow(columns.length + 1);
    bottomSpacer = spacerRow(columns.length + 1);
    scroller.scrollTop = 0;
    empty.hidden = total > 0;
    renderWindow();
  }

  /**
   * Renders rows `first`…`last` around the viewport. A `tr` still showing a row of the new
   * window keeps it; the others are refilled with the rows that came into view and moved to
   * their place, so a short scroll touches only a few rows and no `tr` is replaced.
   */
  function renderWindow() {
    const height = rowHeight || defaultRowHeight;
    const { first, last } = rowWindow({
      scrollTop: Math.max(0, scroller.scrollTop - headRow.offsetHeight),
      viewportHeight: viewportHeight(),
      rowHeight: height,
      count: loaded.length,
      overscan,
    });
    const kept = new Map<number, HTMLElement>();
    const free: HTMLElement[] = [];
    pool.forEach((tr, k) => {
      const index = poolFirst + k;
      const inWindow = index >= first && index < last && tr.getAttribute('data-row-key-value') === loaded[index]?.id;
      if (inWindow) kept.set(index, tr);
      else free.push(tr);
    });
    const next: HTMLElement[] = [];
    for (let index = first; index < last; index++) {
      const row = loaded[index];
      if (!row) continue;
      const tr = kept.get(index) ?? free.pop() ?? emptyRow(columns);
      fillRow(tr, columns, row, index, total);
      next.push(tr);
    }
    for (const tr of free) tr.remove();
    placeSpacer(topSpacer, first * height, true);
    let cursor = topSpacer.parentNode === tbody ? topSpacer.nextSibling : tbody.firstChild;
    for (const tr of next) {
      if (tr === cursor) cursor = tr.nextSibling;
      else tbody.insertBefore(tr, cursor);
    }
    placeSpacer(bottomSpacer, (loaded.length - last) * height, false);
    pool = next;
    poolFirst = first;
    if (!rowHeight && pool[0]?.offsetHeight) rowHeight = pool[0].offsetHeight;
    if (last >= loaded.length - loadAhead) void loadMore();
  }

  /** The container grows with its rows up to its max height, which is what a full window fills. */
  function viewportHeight(): number {
    const max = Number.parseFloat(getComputedStyle(scroller).maxHeight);
    return Math.max(scroller.clientHeight, Number.isFinite(max) ? max : window.innerHeight);
  }

  /** Spacers exist only while there are rows to stand in for, so a short list has none. */
  function placeSpacer(spacer: HTMLElement, px: number, top: boolean) {
    if (px <= 0) {
      spacer.remove();
      return;
    }
    setSpacerHeight(spacer, px);
    if (top && tbody.firstChild !== spacer) tbody.insertBefore(spacer, tbody.firstChild);
    if (!top && tbody.lastChild !== spacer) tbody.appendChild(spacer);
  }

  async function loadMore() {
    if (loading || reloading || loaded.length >= total) return;
    const turn = generation;
    loading = true;
    more.hidden = false;
    try {
      const page = await fetchPage(loaded.length);
      if (turn !== generation || !page) return;
      loaded.push(...page.rows);
      total = page.total;
      report();
      renderWindow();
    } finally {
      if (turn === generation) {
        loading = false;
        more.hidden = true;
      }
    }
  }

  function report() {
    onStatus({ loaded: loaded.length, total, sortedBy });
  }

  async function sortBy(column: Column<Row>) {
    const direction: Direction = sort?.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending';
    sort = { column, direction };
    sortedBy = column.label;
    for (const header of headers) header.mark(header.column === column ? direction : null);
    report();
    loading = false;
    more.hidden = true;
    await reload();
  }

  scroller.addEventListener('scroll', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderWindow();
    });
  });

  const element = h(
    'lst-customized-datatable',
    {},
    h('div', { class: 'slds-table_header-fixed_container slds-scrollable_x' }, scroller),
    more,
    empty,
  );
  return { element, show };
}

/** The `lst-*` component chain that holds a table, shared by list views and related lists. */
export function listInternals(display: HTMLElement): HTMLElement {
  return h('lst-common-list-internal', {}, h('lst-primary-display-manager', {}, display));
}

export function gridDisplay(table: HTMLElement): HTMLElement {
  return h('lst-primary-display-grid', {}, table);
}
