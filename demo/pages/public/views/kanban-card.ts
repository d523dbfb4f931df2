import type { OpportunityRow } from '../../ui-data/types.ts';
import { h } from '../dom.ts';
import { formatCurrency, formatDate } from '../format.ts';
import { recordHref } from './lookup-link.ts';

/**
 * A pipeline board card: `li.runtime_sales_pipelineboardPipelineViewCardStencil > div.<id>.pipelineViewCard >
 * div.pipelineViewCardInnerWrapper`, the record id being a class name as in Lightning.
 * `shortId` links with the 15-character id, so content scripts meet that form too.
 */
export function kanbanCard(row: OpportunityRow, shortId: boolean): HTMLElement {
  const linkId = shortId ? row.id.slice(0, 15) : row.id;
  const item = (text: string) =>
    h('p', { class: 'slds-truncate runtime_sales_pipelineboardPipelineViewCardItemStencil' }, text);
  return h(
    'li',
    { class: 'runtime_sales_pipelineboardPipelineViewCardStencil forceRecordLayout' },
    h(
      'div',
      { class: `${row.id} pipelineViewCard uiDraggable`, draggable: 'true' },
      h(
        'div',
        { class: 'pipelineViewCardInnerWrapper' },
        h(
          'div',
          { class: 'pipelineViewCardTitle slds-truncate' },
          h(
            'a',
            { href: recordHref(linkId), 'data-recordid': linkId, class: 'slds-truncate', title: row.name },
            row.name,
          ),
        ),
        item(row.account?.name ?? ''),
        item(formatCurrency(row.amount)),
        item(formatDate(row.closeDate)),
      ),
    ),
  );
}
