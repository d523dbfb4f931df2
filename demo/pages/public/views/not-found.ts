import { h } from '../dom.ts';

/** What Lightning shows for a record that does not exist or that sharing hides. */
export function renderNotFound(container: HTMLElement): void {
  container.appendChild(
    h(
      'div',
      { class: 'forceRecordNotFound slds-card slds-illustration slds-illustration_large', role: 'alert' },
      h('h2', { class: 'slds-text-heading_medium' }, 'Record not found'),
      h(
        'p',
        { class: 'slds-text-body_regular' },
        "The record you're trying to view may have been deleted, or you don't have sufficient privileges to view it.",
      ),
      h('p', {}, h('a', { href: '/lightning/page/home' }, 'Go to Home')),
    ),
  );
  if (container.classList.contains('active')) document.title = 'Record not found | Salesforce';
}
