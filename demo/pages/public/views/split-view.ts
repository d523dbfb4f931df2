import type { OpportunityRecordView, OpportunityRow } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h } from '../dom.ts';
import { formatCurrency } from '../format.ts';
import { spinner } from './card.ts';
import { recordHref } from './lookup-link.ts';
import { opportunityRecord } from './opportunity-record.ts';
import type { RowPage, RowSource } from './row-source.ts';

/** Split view fetches its list a page at a time, as the table does. */
const pageSize = 50;

/**
 * The Split View display of a list view (SLDS split view): the list's records as
 * `li.slds-split-view__list-item > a.slds-split-view__list-item-action[data-recordid]` on the left,
 * more fetched as the end scrolls into view, and the chosen record on the right. Choosing a
 * record shows it beside the list and leaves the list view's URL alone. The last record of the
 * list links with its 15-character id.
 */
export function splitView(first: RowPage<OpportunityRow>, source: RowSource<OpportunityRow>): HTMLElement {
  const list = h('ul', { class: 'slds-split-view__list', role: 'listbox', 'aria-label': 'Opportunities' });
  const detail = h(
    'div',
    { class: 'splitViewDetail' },
    h('p', { class: 'slds-text-color_weak emptyDetail' }, 'Select an item to see its details.'),
  );
  let loaded = 0;
  let total = first.total;
  let loading = false;
  const endWatcher = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void more(), {
    root: list,
  });

  function append(rows: OpportunityRow[]) {
    for (const row of rows) {
      list.appendChild(listItem(row, loaded === total - 1));
      loaded += 1;
    }
    endWatcher.disconnect();
    if (loaded < total && list.lastElementChild) endWatcher.observe(list.lastElementChild);
  }

  async function more() {
    if (loading || loaded >= total) return;
    loading = true;
    try {
      const page = await source(loaded, pageSize, null);
      total = page.total;
      if (page.rows.length === 0) total = loaded;
      append(page.rows);
    } finally {
      loading = false;
    }
  }

  let chosen = 0;
  async function choose(item: HTMLElement, id: string) {
    const turn = ++chosen;
    for (const other of list.querySelectorAll('.slds-split-view__list-item-action'))
      other.setAttribute('aria-selected', String(other.parentElement === item));
    detail.replaceChildren(spinner());
    const view = await fetchView<OpportunityRecordView>(`/demo-ui/record/${encodeURIComponent(id)}`);
    if (turn === chosen) detail.replaceChildren(opportunityRecord(view).element);
  }

  list.addEventListener('click', (event) => {
    const action = (event.target as Element).closest('a.slds-split-view__list-item-action');
    const item = action?.parentElement;
    const id = action?.getAttribute('data-recordid');
    if (!action || !item || !id || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    void choose(item, id);
  });

  append(first.rows);
  return h(
    'lst-primary-display-split-view',
    {},
    h(
      'div',
      { class: 'slds-split-view_container slds-is-open' },
      h(
        'article',
        { class: 'slds-split-view slds-grid slds-grid_vertical', 'aria-label': 'Split View' },
        h('div', { class: 'slds-split-view__list-container slds-scrollable_y' }, list),
      ),
    ),
    detail,
  );
}

function listItem(row: OpportunityRow, shortId: boolean): HTMLElement {
  const id = shortId ? row.id.slice(0, 15) : row.id;
  return h(
    'li',
    { class: 'slds-split-view__list-item', role: 'presentation' },
    h(
      'a',
      {
        href: recordHref(id),
        'data-recordid': id,
        class: 'slds-split-view__list-item-action slds-grow slds-has-flexi-truncate',
        role: 'option',
        'aria-selected': 'false',
      },
      h(
        'div',
        { class: 'slds-grid slds-wrap' },
        h('span', { class: 'slds-truncate slds-text-body_regular slds-text-color_default', title: row.name }, row.name),
        h('span', { class: 'slds-truncate slds-col_bump-left' }, formatCurrency(row.amount)),
      ),
      h(
        'div',
        { class: 'slds-grid slds-wrap' },
        h('span', { class: 'slds-truncate' }, row.account?.name ?? ''),
        h('span', { class: 'slds-truncate slds-col_bump-left' }, row.stage),
      ),
    ),
  );
}
