import type { OpportunityListView, OpportunityRow } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h, settle } from '../dom.ts';
import type { ListDisplay } from '../route.ts';
import { datatable, gridDisplay, type TableStatus } from './datatable.ts';
import { kanbanBoard } from './kanban.ts';
import { listHeader } from './list-header.ts';
import { opportunityColumns } from './opportunity-columns.ts';
import { remoteRows } from './row-source.ts';
import { splitView } from './split-view.ts';

/**
 * An Opportunity list view. The display switcher changes Table, Kanban and Split View in place,
 * leaving the URL alone, as Lightning does; `display=kanban|split` in the URL only picks the first
 * display. The first page comes with the list view; the table and the split view fetch the rest
 * as the user scrolls, and each Kanban column its own cards.
 */
export async function renderOpportunityList(container: HTMLElement, filterName: string, initial: ListDisplay) {
  const listPath = `/demo-ui/opportunities?filter=${encodeURIComponent(filterName)}`;
  const view = await fetchView<OpportunityListView>(listPath);
  const buttons = {
    table: switchButton('Table', 'table'),
    kanban: switchButton('Kanban', 'kanban'),
    split: switchButton('Split View', 'split'),
  };
  const header = listHeader({
    objectLabel: 'Opportunities',
    objectApiName: 'Opportunity',
    iconName: 'opportunity',
    listLabel: view.label,
    filters: view.filters,
    currentFilter: view.filterName,
    controls: [
      h(
        'div',
        { class: 'slds-button-group displaySwitcher', role: 'group' },
        buttons.table,
        buttons.kanban,
        buttons.split,
      ),
    ],
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
  async function show(display: ListDisplay) {
    const turn = ++shown;
    for (const [name, button] of Object.entries(buttons)) button.setAttribute('aria-pressed', String(display === name));
    manager.replaceChildren();
    if (display === 'split') {
      header.setStatus(view.total, listOrder);
      await settle();
      if (turn === shown) manager.appendChild(splitView(view, remoteRows<OpportunityRow>(listPath)));
    } else if (display === 'table') {
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
  buttons.split.addEventListener('click', () => void show('split'));
  await show(initial);
}

function switchButton(label: string, display: ListDisplay): HTMLElement {
  return h(
    'button',
    { class: 'slds-button slds-button_neutral', type: 'button', title: `Display as ${label}`, 'data-display': display },
    label,
  );
}
