import type { ListFilterView } from '../../ui-data/types.ts';
import { type Child, h } from '../dom.ts';
import { icon } from './card.ts';

/**
 * The list view header (`lst-list-view-manager-header`): object name, the list view picker
 * (links that change `filterName`, hence the URL), a status line, and controls on the right.
 */
export function listHeader(options: {
  objectLabel: string;
  objectApiName: string;
  iconName: string;
  listLabel: string;
  filters: ListFilterView[];
  currentFilter: string;
  controls: Child[];
}) {
  const status = h('p', { class: 'slds-text-body_small countSortedByFilteredBy', 'aria-live': 'polite' });
  const picker = h(
    'div',
    { class: 'slds-dropdown-trigger slds-dropdown-trigger_click listViewPicker' },
    h(
      'button',
      { class: 'slds-button triggerLink', type: 'button', 'aria-haspopup': 'true', title: 'Select a List View' },
      h('span', { class: 'slds-page-header__title slds-truncate triggerLinkText selectedListView' }, options.listLabel),
      h('span', { class: 'slds-icon_container pickerArrow', 'aria-hidden': 'true' }),
    ),
    h(
      'div',
      { class: 'slds-dropdown slds-dropdown_left' },
      h(
        'ul',
        { class: 'slds-dropdown__list', role: 'menu' },
        ...options.filters.map((filter) =>
          h(
            'li',
            {
              class: `slds-dropdown__item${filter.name === options.currentFilter ? ' slds-is-selected' : ''}`,
              role: 'presentation',
            },
            h(
              'a',
              { href: `/lightning/o/${options.objectApiName}/list?filterName=${filter.name}`, role: 'menuitem' },
              h('span', { class: 'slds-truncate' }, filter.label),
            ),
          ),
        ),
      ),
    ),
  );
  picker.querySelector('button')?.addEventListener('click', () => picker.classList.toggle('slds-is-open'));
  picker.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) picker.classList.remove('slds-is-open');
  });
  const element = h(
    'lst-list-view-manager-header',
    {},
    h(
      'div',
      { class: 'slds-page-header slds-page-header_object-home' },
      h(
        'div',
        { class: 'slds-grid' },
        h(
          'div',
          { class: 'slds-col slds-has-flexi-truncate slds-media' },
          h('div', { class: 'slds-media__figure' }, icon(options.iconName, 'medium')),
          h(
            'div',
            { class: 'slds-media__body' },
            h('nav', { class: 'entityNameTitle slds-breadcrumb', 'aria-label': 'Breadcrumbs' }, options.objectLabel),
            h('h1', {}, picker),
          ),
        ),
        h('div', { class: 'slds-col slds-no-flex slds-grid slds-align-bottom listViewControls' }, ...options.controls),
      ),
      h('div', { class: 'slds-grid slds-page-header__detail-row' }, status),
    ),
  );
  return {
    element,
    /** `more`: only the first `count` rows are loaded, so the count reads "50+ items" as in Lightning. */
    setStatus(count: number, sortedBy: string | null, more = false) {
      const shown = `${count.toLocaleString('en-US')}${more ? '+' : ''}`;
      const parts = [`${shown} ${count === 1 && !more ? 'item' : 'items'}`];
      if (sortedBy) parts.push(`Sorted by ${sortedBy}`);
      parts.push('Updated a few seconds ago');
      status.textContent = parts.join(' • ');
    },
  };
}
