import { h } from '../dom.ts';
import type { Column } from './table-rows.ts';

export type Direction = 'ascending' | 'descending';

/** A sortable column header as lightning-datatable draws it; `mark` shows the sort arrow. */
export function headerCell<Row>(column: Column<Row>, onClick: () => void) {
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
