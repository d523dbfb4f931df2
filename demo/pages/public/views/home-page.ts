import type { HomeView } from '../../ui-data/types.ts';
import { fetchView } from '../data.ts';
import { h, settle } from '../dom.ts';
import { formatCurrency, formatDate, formatDateTime } from '../format.ts';
import { card } from './card.ts';
import { lookupLink, recordHref } from './lookup-link.ts';

/** Home: the user's open opportunities as record links (the last one with a 15-character id), and upcoming events. */
export async function renderHome(container: HTMLElement): Promise<void> {
  const view = await fetchView<HomeView>('/demo-ui/home');
  const list = h('ul', { class: 'slds-has-dividers_bottom-space homeOpportunities' });
  const events = h('ul', { class: 'slds-has-dividers_bottom-space homeEvents' });
  container.appendChild(
    h(
      'flexipage-home-template',
      {},
      h(
        'div',
        { class: 'slds-grid row-main home-template' },
        h('div', { class: 'column region-main' }, card(view.heading, [list], { icon: 'opportunity' })),
        h('div', { class: 'column region-sidebar-right' }, card('Upcoming Events', [events], { icon: 'event' })),
      ),
    ),
  );
  document.title = 'Home | Salesforce';
  await settle();
  list.append(
    ...view.opportunities.map((o, index) =>
      h(
        'li',
        { class: 'slds-item' },
        lookupLink(o, { shortId: index === view.opportunities.length - 1 }),
        h(
          'p',
          { class: 'slds-text-body_small slds-text-color_weak slds-truncate' },
          [o.account?.name, o.stage, formatCurrency(o.amount), formatDate(o.closeDate)].filter(Boolean).join(' • '),
        ),
      ),
    ),
  );
  if (view.opportunities.length === 0) list.append(h('li', { class: 'slds-item' }, 'No open opportunities.'));
  events.append(
    ...view.events.map((e) =>
      h(
        'li',
        { class: 'slds-item' },
        h('p', { class: 'slds-truncate' }, h('a', { href: recordHref(e.id), title: e.subject }, e.subject)),
        h(
          'p',
          { class: 'slds-text-body_small slds-text-color_weak' },
          [formatDateTime(e.start), e.related?.name].filter(Boolean).join(' • '),
        ),
      ),
    ),
  );
  if (view.events.length === 0) events.append(h('li', { class: 'slds-item' }, 'Nothing scheduled.'));
}
