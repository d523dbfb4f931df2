import type { OpportunityRow, StageTotalView } from '../../ui-data/types.ts';
import { h } from '../dom.ts';
import { formatCurrency } from '../format.ts';
import { kanbanCard } from './kanban-card.ts';
import type { RowPage } from './row-source.ts';

/** One stage's cards, a page at a time, in the list view's order. */
export type StageCards = (stage: string, offset: number, limit: number) => Promise<RowPage<OpportunityRow>>;

/** Lightning's board virtualiser renders about 13 cards per column, more as a column is scrolled. */
const cardsPerPage = 13;
/** How close (px) the last rendered card comes to a column's bottom before the next cards are fetched. */
const nearEnd = 48;

/**
 * The Kanban display of an Opportunity list view, in the (Aura) pipeline board markup: one
 * `.runtime_sales_pipelineboardPipelineViewColumn` per stage whose header shows the stage's true
 * count and amount, however few of its cards are rendered. Every column's first cards are
 * fetched before the board appears, so it appears at once. The last card of the last non-empty
 * column links with the 15-character id.
 */
export async function kanbanBoard(stages: StageTotalView[], load: StageCards): Promise<HTMLElement> {
  const lastStage = stages.filter((s) => s.count > 0).at(-1)?.name;
  const columns = await Promise.all(stages.map((stage) => boardColumn(stage, load, stage.name === lastStage)));
  return h('div', { class: 'runtime_sales_pipelineboardPipelineView slds-grid' }, ...columns);
}

async function boardColumn(stage: StageTotalView, load: StageCards, holdsLastCard: boolean): Promise<HTMLElement> {
  const list = h('ul', { class: 'runtime_sales_pipelineboardPipelineViewColumnList' });
  let shown = 0;
  let loading = false;
  // Watching the last card (rather than scroll events) also fills a column too short to scroll.
  const endWatcher = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void more(), {
    root: list,
    rootMargin: `0px 0px ${nearEnd}px 0px`,
  });

  async function more() {
    if (loading || shown >= stage.count) return;
    loading = true;
    try {
      const page = await load(stage.name, shown, cardsPerPage);
      for (const row of page.rows) {
        list.appendChild(kanbanCard(row, holdsLastCard && shown === stage.count - 1));
        shown += 1;
      }
      if (page.rows.length === 0) shown = stage.count;
    } finally {
      loading = false;
    }
    endWatcher.disconnect();
    if (shown < stage.count && list.lastElementChild) endWatcher.observe(list.lastElementChild);
  }

  await more();
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
        h('span', { class: 'stageCount' }, ` (${stage.count.toLocaleString('en-US')})`),
      ),
      h('p', { class: 'stageTotal slds-text-body_small' }, formatCurrency(stage.amount)),
    ),
    list,
  );
}
