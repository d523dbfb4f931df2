import type { AccountListView, AccountRow } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h } from '../dom.ts';
import { type Column, datatable, gridDisplay, listInternals, type TableStatus } from './datatable.ts';
import { listHeader } from './list-header.ts';
import { optionalLookup, shadowNameCell } from './lookup-link.ts';
import { remoteRows } from './row-source.ts';

const text = (value: string | null) => h('lightning-base-formatted-text', {}, value ?? '');

const accountColumns: Column<AccountRow>[] = [
  {
    label: 'Account Name',
    fieldName: 'Name',
    rowHeader: true,
    sortValue: (a) => a.name,
    cell: (a, { last }) => shadowNameCell(a, { shortId: last }),
  },
  { label: 'Industry', fieldName: 'Industry', sortValue: (a) => a.industry ?? '', cell: (a) => text(a.industry) },
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

/** The Accounts list view, so the app nav's Accounts item leads to a real page; paged like Opportunities. */
export async function renderAccountList(container: HTMLElement): Promise<void> {
  const view = await fetchView<AccountListView>('/demo-ui/accounts');
  const header = listHeader({
    objectLabel: 'Accounts',
    objectApiName: 'Account',
    iconName: 'account',
    listLabel: view.label,
    filters: [],
    currentFilter: '',
    controls: [],
  });
  const status = (s: TableStatus) => header.setStatus(s.loaded, s.sortedBy, s.loaded < s.total);
  const table = datatable(accountColumns, { onStatus: status, sortedBy: 'Account Name' });
  container.appendChild(
    h('lst-object-home', {}, h('lst-list-view-manager', {}, header.element, listInternals(gridDisplay(table.element)))),
  );
  document.title = `${view.label} | Accounts | Salesforce`;
  status({ loaded: view.rows.length, total: view.total, sortedBy: 'Account Name' });
  await table.show(remoteRows<AccountRow>('/demo-ui/accounts'), { rows: view.rows, total: view.total });
}
