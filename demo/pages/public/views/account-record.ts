import type { AccountRecordView, OpportunityRow } from '../../ui-data/types.ts';
import { h } from '../dom.ts';
import { card, icon } from './card.ts';
import { type Column, datatable, gridDisplay, listInternals } from './datatable.ts';
import { highlightsPanel } from './highlights.ts';
import { optionalLookup, shadowNameCell } from './lookup-link.ts';
import { opportunityColumns } from './opportunity-columns.ts';
import { layoutItem, layoutSection, textValue } from './record-fields.ts';
import { recordHome } from './record-template.ts';
import { localRows } from './row-source.ts';

/** The Account record page, whose Opportunities related list is the part content scripts badge. */
export function accountRecord(view: AccountRecordView) {
  const a = view.account;
  const header = highlightsPanel('Account', 'account', a.name, [
    { label: 'Industry', value: textValue(a.industry) },
    { label: 'Billing City', value: textValue(a.billingCity) },
    { label: 'Account Owner', value: optionalLookup(a.owner) },
  ]);
  const details = layoutSection('Account Information', [
    layoutItem('Account', 'Name', 'Account Name', textValue(a.name)),
    layoutItem('Account', 'OwnerId', 'Account Owner', optionalLookup(a.owner)),
    layoutItem('Account', 'Industry', 'Industry', textValue(a.industry)),
    layoutItem('Account', 'BillingCity', 'Billing City', textValue(a.billingCity)),
  ]);
  const element = recordHome(
    a.id,
    header,
    [opportunitiesRelatedList(view)],
    [card('Details', [details], { class: 'record-details' })],
  );
  return { element, title: a.name };
}

/**
 * `lst-related-list-single-container` > card > `lst-related-list-view-manager` > the lst table chain;
 * rows keyed by the 18-character id, their links by the 15-character one.
 */
function opportunitiesRelatedList(view: AccountRecordView): HTMLElement {
  const { name, stage, amount, closeDate } = opportunityColumns;
  // Related lists link their records by the 15-character id, as Salesforce still emits it in places.
  const shortName: Column<OpportunityRow> = { ...name, cell: (o) => shadowNameCell(o, { shortId: true }) };
  const columns = [shortName, stage, amount, closeDate];
  const table = datatable(columns);
  // The record view brings the account's opportunities; the table still shows them through its window.
  const sortValue = (fieldName: string, row: OpportunityRow) =>
    columns.find((c) => c.fieldName === fieldName)?.sortValue(row) ?? '';
  void table.show(localRows(view.opportunities, sortValue), undefined, false);
  return h(
    'flexipage-component2',
    {},
    h(
      'lst-related-list-single-container',
      {},
      h(
        'article',
        { class: 'slds-card slds-card_boundary forceRelatedListCardDesktop', 'aria-label': 'Opportunities' },
        h(
          'div',
          { class: 'slds-card__header slds-grid' },
          h(
            'header',
            { class: 'slds-media slds-media_center slds-has-flexi-truncate' },
            h('div', { class: 'slds-media__figure' }, icon('opportunity', 'small')),
            h(
              'h2',
              { class: 'slds-card__header-title' },
              h('span', { class: 'slds-truncate', title: 'Opportunities' }, 'Opportunities'),
              h(
                'span',
                { class: 'slds-shrink-none slds-m-left_xx-small', title: `(${view.opportunities.length})` },
                `(${view.opportunities.length})`,
              ),
            ),
          ),
        ),
        h('lst-related-list-view-manager', {}, listInternals(gridDisplay(table.element))),
      ),
    ),
  );
}
