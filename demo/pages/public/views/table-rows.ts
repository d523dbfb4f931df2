import { h } from '../dom.ts';

export interface Column<Row> {
  label: string;
  fieldName: string;
  /** The record-name column: rendered as `th[scope=row]`, like lightning-datatable's row header. */
  rowHeader?: boolean;
  sortValue: (row: Row) => string | number;
  cell: (row: Row, position: { index: number; last: boolean }) => Node | string;
}

/**
 * One `tr` of Lightning's datatable, made once and then refilled: when the table scrolls, the
 * same element takes another record's `data-row-key-value` and new cell contents, as
 * Lightning's virtualised datatable recycles its rows.
 */
export function emptyRow<Row>(columns: Column<Row>[]): HTMLElement {
  return h(
    'tr',
    { class: 'slds-hint-parent', 'aria-selected': 'false' },
    h('td', { class: 'slds-cell-edit cellContainer rowNumber', role: 'gridcell' }, cellFactory('', '')),
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
        cellFactory(column.label, ''),
      ),
    ),
  );
}

/** Puts `row` (at `index` of `total`) into `tr`; a row already showing that record at that place is left alone. */
export function fillRow<Row extends { id: string }>(
  tr: HTMLElement,
  columns: Column<Row>[],
  row: Row,
  index: number,
  total: number,
): void {
  const number = String(index + 1);
  if (tr.getAttribute('data-row-key-value') === row.id && tr.getAttribute('data-row-number') === number) return;
  tr.setAttribute('data-row-key-value', row.id);
  tr.setAttribute('data-row-number', number);
  const contents = tr.querySelectorAll('lightning-primitive-cell-factory > span > div.slds-truncate');
  contents[0]?.replaceChildren(number);
  const position = { index, last: index === total - 1 };
  columns.forEach((column, i) => {
    contents[i + 1]?.replaceChildren(column.cell(row, position));
  });
}

function cellFactory(label: string, content: Node | string): HTMLElement {
  return h(
    'lightning-primitive-cell-factory',
    { 'data-label': label },
    h('span', { class: 'slds-grid slds-grid_align-spread' }, h('div', { class: 'slds-truncate' }, content)),
  );
}

/**
 * Stands in for the rows outside the rendered window, so the scrollbar matches every loaded
 * row. It has no `data-row-key-value`: content scripts never take it for a record.
 */
export function spacerRow(columnCount: number): HTMLElement {
  const cell = h('td', { colspan: columnCount, class: 'virtualSpacerCell' });
  return h('tr', { class: 'virtualSpacer', 'aria-hidden': 'true' }, cell);
}

export function setSpacerHeight(spacer: HTMLElement, px: number): void {
  const cell = spacer.firstElementChild as HTMLElement | null;
  if (cell) cell.style.height = `${px}px`;
}
