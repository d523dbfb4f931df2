import { h } from '../dom.ts';

/**
 * The record page frame Lightning renders for a Lightning record page: a header region across
 * the top, then a main column and a right sidebar. The columns flex, so a panel docked at the
 * right edge of the window narrows them instead of covering them.
 */
export function recordHome(recordId: string, header: HTMLElement, main: HTMLElement[], sidebar: HTMLElement[]) {
  return h(
    'one-record-home-flexipage2',
    { 'data-record-id': recordId },
    h(
      'record_flexipage-desktop-record-page-decorator',
      {},
      h(
        'div',
        { class: 'record-page-decorator' },
        h(
          'records-record-layout-event-broker',
          {},
          h(
            'flexipage-record-home-template-desktop2',
            {},
            h(
              'div',
              { class: 'slds-grid slds-wrap record-home-template' },
              h('div', { class: 'slds-col slds-size_1-of-1 row region-header' }, header),
              h(
                'div',
                { class: 'slds-grid slds-col slds-size_1-of-1 row row-main' },
                h('div', { class: 'column region-main' }, ...main),
                h('div', { class: 'column region-sidebar-right' }, ...sidebar),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
