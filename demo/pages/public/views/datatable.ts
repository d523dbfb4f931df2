import { h, settle } from '../dom.ts';

export interface Column<Row> {
  label: string;
  fieldName: string;
  /** The record-name column: rendered as `th[scope=row]`, like lightning-datatable's row header. */
  rowHeader?: boolean;
  sortValue: (row: Row) => string | number;
  cell: (row: Row, position: { index: number; last: boolean }) => Node | string;
}

export interface Datatable<Row> {
  element: HTMLElement;
  /** Replaces the whole `tbody`, as Lightning re-renders rows after a query or a sort. */
  setRows(rows: Row[]): void;
}

type Direction = 'ascending' | 'descending';

/**
 * An SLDS data table in Lightning's list markup (`lst-customized-datatable` > `table`), one
 * `tr[data-row-key-value=<record id>]` per record. A click on a column header sorts: the rows
 * come back after a pause in a new `tbody`.
 */
export function datatable<Row extends { id: string }>(
  columns: Column<Row>[],
  onSorted: (label: string) => void = () => {},
): Datatable<Row> {
  let rows: Row[] = [];
  let sort: { column: Column<Row>; direction: Direction } | null = null;
  const headers = columns.map((column) => headerCell(column, () => void sortBy(column)));
  const table = h(
    'table',
    {
      class: 'slds-table slds-table_header-fixed slds-table_bordered slds-table_edit slds-table_resizable-cols',
      role: 'grid',
    },
    h(
      'thead',
      {},
      h(
        'tr',
        { class: 'slds-line-height_reset' },
        h('th', { scope: 'col', class: 'slds-cell-buffer_left rowNumberHeader', 'aria-label': 'Row Number' }),
        ...headers.map((header) => header.element),
      ),
    ),
    h('tbody', {}),
  );
  const empty = h('p', { class: 'slds-text-color_weak emptyContent', hidden: true }, 'No items to display.');

  function setRows(next: Row[]) {
    rows = next;
    const ordered = sort ? sorted(rows, sort.column, sort.direction) : rows;
    const tbody = h('tbody', {}, ...ordered.map((row, index) => rowElement(row, index, ordered.length)));
    const old = table.querySelector('tbody');
    if (old) table.replaceChild(tbody, old);
    else table.appendChild(tbody);
    empty.hidden = rows.length > 0;
  }

  async function sortBy(column: Column<Row>) {
    const direction: Direction = sort?.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending';
    sort = { column, direction };
    for (const header of headers) header.mark(header.column === column ? direction : null);
    onSorted(column.label);
    await settle();
    setRows(rows);
  }

  function rowElement(row: Row, index: number, count: number): HTMLElement {
    const position = { index, last: index === count - 1 };
    return h(
      'tr',
      {
        'data-row-key-value': row.id,
        'data-row-number': index + 1,
        class: 'slds-hint-parent',
        'aria-selected': 'false',
      },
      h(
        'td',
        { class: 'slds-cell-edit cellContainer rowNumber', role: 'gridcell' },
        cellFactory('', String(index + 1)),
      ),
      ...columns.map((column) =>
        h(
          column.rowHeader ? 'th' : 'td',
          {
            class: 'slds-cell-edit cellContainer',
            role: column.rowHeader ? 'rowheader' : 'gridcell',
            scope: column.rowHeader ? 'row' : null,
            'data-label': column.label,
            'data-col-key-value': column.fieldName,
          },
          cellFactory(column.label, column.cell(row, position)),
        ),
      ),
    );
  }

  const element = h(
    'lst-customized-datatable',
    {},
    h(
      'div',
      { class: 'slds-table_header-fixed_container slds-scrollable_x' },
      h('div', { class: 'slds-scrollable_y' }, table),
    ),
    empty,
  );
  return { element, setRows };
}

function cellFactory(label: string, content: Node | string): HTMLElement {
  return h(
    'lightning-primitive-cell-factory',
    { 'data-label': label },
    h('span', { class: 'slds-grid slds-grid_align-spread' }, h('div', { class: 'slds-truncate' }, content)),
  );
}

function headerCell<Row>(column: Column<Row>, onClick: () => void) {
  const element = h(
    'th',
    {
      scope: 'col',
      class: 'slds-is-sortable slds-is-resizable',
      'aria-label': column.label,
      'aria-sort': 'none',
      'data-col-key-value': column.fieldName,
    },
    h(
      'lightning-primitive-header-factory',
      {},
      h(
        'a',
        { class: 'slds-th__action slds-text-link_reset', role: 'button', tabindex: '0' },
        h('span', { class: 'slds-assistive-text' }, 'Sort by: '),
        h('span', { class: 'slds-truncate', title: column.label }, column.label),
        h('span', { class: 'sortIndicator', 'aria-hidden': 'true' }),
      ),
    ),
  );
  element.querySelector('a')?.addEventListener('click', onClick);
  return {
    column,
    element,
    mark(direction: Direction | null) {
      element.setAttribute('aria-sort', direction ?? 'none');
      element.classList.toggle('slds-is-sorted', direction !== null);
      element.classList.toggle('slds-is-sorted_asc', direction === 'ascending');
    },
  };
}

function sorted<Row>(rows: Row[], column: Column<Row>, direction: Direction): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order;
  });
}

/** The `lst-*` component chain that holds a table, shared by list views and related lists. */
export function listInternals(display: HTMLElement): HTMLElement {
  return h('lst-common-list-internal', {}, h('lst-primary-display-manager', {}, display));
}

export function gridDisplay(table: HTMLElement): HTMLElement {
  return h('lst-primary-display-grid', {}, table);
}
