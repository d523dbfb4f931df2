import type { OpportunityRow } from '../../ui-data/types.ts';
import { h } from '../dom.ts';
import { formatCurrency, formatDate } from '../format.ts';
import type { Column } from './datatable.ts';
import { optionalLookup, shadowNameCell } from './lookup-link.ts';

const text = (value: string) => h('lightning-base-formatted-text', {}, value);

/**
 * Opportunity columns as list views and related lists show them. The name cell is a native
 * shadow root; the last row links with the 15-character id.
 */
export const opportunityColumns = {
  name: {
    label: 'Opportunity Name',
    fieldName: 'Name',
    rowHeader: true,
    sortValue: (o) => o.name,
    cell: (o, { last }) => shadowNameCell(o, { shortId: last }),
  },
  account: {
    label: 'Account Name',
    fieldName: 'Account.Name',
    sortValue: (o) => o.account?.name ?? '',
    cell: (o) => h('lightning-primitive-custom-cell', {}, optionalLookup(o.account)),
  },
  stage: { label: 'Stage', fieldName: 'StageName', sortValue: (o) => o.stage, cell: (o) => text(o.stage) },
  amount: {
    label: 'Amount',
    fieldName: 'Amount',
    sortValue: (o) => o.amount ?? 0,
    cell: (o) => h('lightning-formatted-number', {}, formatCurrency(o.amount)),
  },
  closeDate: {
    label: 'Close Date',
    fieldName: 'CloseDate',
    sortValue: (o) => o.closeDate ?? '',
    cell: (o) => h('lightning-formatted-date-time', {}, formatDate(o.closeDate)),
  },
  owner: {
    label: 'Opportunity Owner',
    fieldName: 'Owner.Name',
    sortValue: (o) => o.owner?.name ?? '',
    cell: (o) => h('lightning-primitive-custom-cell', {}, optionalLookup(o.owner)),
  },
} satisfies Record<string, Column<OpportunityRow>>;
