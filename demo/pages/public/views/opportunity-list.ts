import type { OpportunityListView, OpportunityRow } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h, settle } from '../dom.ts';
import { datatable, gridDisplay, type TableStatus } from './datatable.ts';
import { kanbanBoard } from './kanban.ts';
import { listHeader } from './list-header.ts';
import { opportunityColumns } from './opportunity-columns.ts';
import { remoteRows } from './row-source.ts';

type Display = 'table' | 'kanban';

/**
 * An Opportunity list view. The display switcher changes Table ↔ Kanban in place, leaving the
 * URL alone, as Lightning does; `display=kanban` in the URL only picks the first display. The
 * first page comes with the list view; the table fetches the rest as the user scrolls, and each
 * Kanban column its own cards.
 */
export async function renderOpportunityList(container: HTMLElement, filterName: string, initial: Display) {
  const listPath = `/demo-ui/opportunities?filter=${encodeURIComponent(filterName)}`;
  const view = await fetchView<OpportunityListView>(listPath);
  const buttons = {
    table: switchButton('Table', 'table'),
    kanban: switchButton('Kanban', 'kanban'),
  };
  const header = listHeader({
    objectLabel: 'Opportunities',
    objectApiName: 'Opportunity',
    iconName: 'opportunity',
    listLabel: view.label,
    filters: view.filters,
    currentFilter: view.filterName,
    controls: [h('div', { class: 'slds-button-group displaySwitcher', role: 'group' }, buttons.table, buttons.kanban)],
  });
  const manager = h('lst-primary-display-manager', {});
  container.appendChild(
    h(
      'lst-object-home',
      {},
      h(
        'lst-list-view-manager',
        { class: 'listViewManager' },
        header.element,
        h('lst-common-list-internal', {}, manager),
      ),
    ),
  );
  document.title = `${view.label} | Opportunities | Salesforce`;
  const listOrder = view.sortBy === null ? null : 'Opportunity Name';
  const tableStatus = (s: TableStatus) => header.setStatus(s.loaded, s.sortedBy, s.loaded < s.total);
  tableStatus({ loaded: view.rows.length, total: view.total, sortedBy: listOrder });

  // A later switch wins over one still waiting for its rows.
  let shown = 0;
  async function show(display: Display) {
    const turn = ++shown;
    buttons.table.setAttribute('aria-pressed', String(display === 'table'));
    buttons.kanban.setAttribute('aria-pressed', String(display === 'kanban'));
    manager.replaceChildren();
    if (display === 'table') {
      const table = datatable(Object.values(opportunityColumns), { onStatus: tableStatus, sortedBy: listOrder });
      manager.appendChild(gridDisplay(table.element));
      await table.show(remoteRows<OpportunityRow>(listPath), { rows: view.rows, total: view.total });
    } else {
      header.setStatus(view.total, listOrder);
      await settle();
      const board = await kanbanBoard(view.stageTotals, (stage, offset, limit) =>
        remoteRows<OpportunityRow>(`${listPath}&stage=${encodeURIComponent(stage)}`)(offset, limit, null),
      );
      if (turn === shown) manager.appendChild(h('lst-primary-display-board', {}, board));
    }
  }
  buttons.table.addEventListener('click', () => void show('table'));
  buttons.kanban.addEventListener('click', () => void show('kanban'));
  await show(initial);
}

function switchButton(label: string, display: Display): HTMLElement {
  return h(
    'button',
    { class: 'slds-button slds-button_neutral', type: 'button', title: `Display as ${label}`, 'data-display': display },
    label,
  );
}
