import type { OpportunityRow, StageView } from '../../ui-data/types.ts';
import { h } from '../dom.ts';
import { formatCurrency, formatDate } from '../format.ts';
import { recordHref } from './lookup-link.ts';

/**
 * The Kanban display of an Opportunity list view, in the (Aura) pipeline board markup: one
 * `.runtime_sales_pipelineboardPipelineViewColumn` per stage, cards as
 * `li.runtime_sales_pipelineboardPipelineViewCardStencil > div.<id>.pipelineViewCard >
 * div.pipelineViewCardInnerWrapper`. The last card links with the 15-character id.
 */
export function kanbanBoard(stages: StageView[], rows: OpportunityRow[]): HTMLElement {
  const last = rows.at(-1);
  const columns = stages.map((stage) => {
    const cards = rows.filter((row) => row.stage === stage.name);
    const total = cards.reduce((sum, row) => sum + (row.amount ?? 0), 0);
    return h(
      'div',
      { class: 'runtime_sales_pipelineboardPipelineViewColumn slds-col', 'data-stage': stage.name },
      h(
        'div',
        { class: 'runtime_sales_pipelineboardPipelineViewColumnHeader' },
        h(
          'h2',
          { class: 'stageHeaderLabel slds-truncate', title: stage.name },
          h('span', { class: 'stageName' }, stage.name),
          h('span', { class: 'stageCount' }, ` (${cards.length})`),
        ),
        h('p', { class: 'stageTotal slds-text-body_small' }, formatCurrency(total)),
      ),
      h(
        'ul',
        { class: 'runtime_sales_pipelineboardPipelineViewColumnList' },
        ...cards.map((row) => kanbanCard(row, row === last)),
      ),
    );
  });
  return h('div', { class: 'runtime_sales_pipelineboardPipelineView slds-grid' }, ...columns);
}

function kanbanCard(row: OpportunityRow, shortId: boolean): HTMLElement {
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
