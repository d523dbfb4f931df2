import type { AccountRow, SearchView } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h } from '../dom.ts';
import { icon } from './card.ts';
import { type Column, datatable, gridDisplay } from './datatable.ts';
import { optionalLookup, shadowNameCell } from './lookup-link.ts';
import { opportunityColumns } from './opportunity-columns.ts';
import { localRows } from './row-source.ts';

/** The URL of the global search results page for `term`, as Lightning writes it. */
export function searchPath(term: string): string {
  return `/lightning/search?searchInput=${encodeURIComponent(term)}`;
}

const text = (value: string | null) => h('lightning-base-formatted-text', {}, value ?? '');

const accountColumns: Column<AccountRow>[] = [
  {
    label: 'Account Name',
    fieldName: 'Name',
    rowHeader: true,
    sortValue: (a) => a.name,
    cell: (a) => shadowNameCell(a),
  },
  {
    label: 'Billing City',
    fieldName: 'BillingCity',
    sortValue: (a) => a.billingCity ?? '',
    cell: (a) => text(a.billingCity),
  },
  {
    label: 'Account Owner',
    fieldName: 'Owner.Name',
    sortValue: (a) => a.owner?.name ?? '',
    cell: (a) => h('lightning-primitive-custom-cell', {}, optionalLookup(a.owner)),
  },
];

/**
 * Global search's Top Results: one results card per object in `.forceSearchResultsRegion`, each a
 * datatable whose rows link their records (the name cell in a native shadow root, the last
 * opportunity by its 15-character id). The header's search box stays filled with the term.
 */
export async function renderSearchResults(container: HTMLElement, term: string): Promise<void> {
  const view = await fetchView<SearchView>(`/demo-ui/search?q=${encodeURIComponent(term)}`);
  const { name, account, stage, closeDate, owner } = opportunityColumns;
  const found = view.opportunities.length + view.accounts.length;
  const region = h(
    'div',
    { class: 'forceSearchResultsRegion' },
    found === 0
      ? h(
          'div',
          { class: 'slds-card noResults', role: 'status' },
          h('p', { class: 'slds-text-heading_medium' }, `Don't see what you're looking for?`),
          h('p', { class: 'slds-text-color_weak' }, `No results for "${view.term}" in Top Results.`),
        )
      : null,
  );
  const tables: Promise<void>[] = [];
  function group<Row extends { id: string }>(label: string, iconName: string, columns: Column<Row>[], rows: Row[]) {
    if (rows.length === 0) return;
    const table = datatable(columns);
    region.appendChild(
      h(
        'div',
        { class: 'resultsItem forceSearchResultsGridView slds-card', 'data-object': label },
        h(
          'div',
          { class: 'slds-card__header slds-grid' },
          h(
            'header',
            { class: 'slds-media slds-media_center' },
            h('div', { class: 'slds-media__figure' }, icon(iconName, 'small')),
            h('h2', { class: 'slds-card__header-title' }, h('span', {}, label), h('span', {}, ` (${rows.length})`)),
          ),
        ),
        gridDisplay(table.element),
      ),
    );
    const sortValue = (fieldName: string, row: Row) =>
      columns.find((c) => c.fieldName === fieldName)?.sortValue(row) ?? '';
    tables.push(table.show(localRows(rows, sortValue)));
  }
  group('Opportunities', 'opportunity', [name, account, stage, closeDate, owner], view.opportunities);
  group('Accounts', 'account', accountColumns, view.accounts);
  container.appendChild(
    h(
      'div',
      { class: 'forceSearchSearchPageDesktop' },
      h(
        'div',
        { class: 'slds-page-header searchHeader' },
        h('p', { class: 'slds-text-title' }, 'Search Results'),
        h('h1', { class: 'slds-page-header__title' }, `Top Results for "${view.term}"`),
      ),
      region,
    ),
  );
  const input = document.querySelector<HTMLInputElement>('form.globalSearch input[name="searchInput"]');
  if (input && container.classList.contains('active')) input.value = view.term;
  if (container.classList.contains('active')) document.title = 'Search Results | Salesforce';
  await Promise.all(tables);
}
