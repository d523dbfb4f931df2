import type { OpportunityListView } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h, settle } from '../dom.ts';
import { datatable, gridDisplay } from './datatable.ts';
import { kanbanBoard } from './kanban.ts';
import { listHeader } from './list-header.ts';
import { opportunityColumns } from './opportunity-columns.ts';

type Display = 'table' | 'kanban';

/**
 * An Opportunity list view. The display switcher changes Table ↔ Kanban in place, leaving the
 * URL alone, as Lightning does; `display=kanban` in the URL only picks the first display.
 */
export async function renderOpportunityList(container: HTMLElement, filterName: string, initial: Display) {
  const view = await fetchView<OpportunityListView>(`/demo-ui/opportunities?filter=${encodeURIComponent(filterName)}`);
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
  header.setStatus(view.rows.length, view.filterName === 'Recent' ? null : 'Opportunity Name');

  // A later switch wins over one still waiting for its rows.
  let shown = 0;
  async function show(display: Display) {
    const turn = ++shown;
    buttons.table.setAttribute('aria-pressed', String(display === 'table'));
    buttons.kanban.setAttribute('aria-pressed', String(display === 'kanban'));
    manager.replaceChildren();
    if (display === 'table') {
      const table = datatable(Object.values(opportunityColumns), (label) => header.setStatus(view.rows.length, label));
      manager.appendChild(gridDisplay(table.element));
      await settle();
      if (turn === shown) table.setRows(view.rows);
    } else {
      await settle();
      if (turn === shown) manager.appendChild(h('lst-primary-display-board', {}, kanbanBoard(view.stages, view.rows)));
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
