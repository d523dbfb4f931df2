import { type Child, h } from '../dom.ts';

/** An SLDS card (`article.slds-card`) wrapped as a Lightning page component. */
export function card(title: string, body: Child[], attributes: { class?: string; icon?: string } = {}): HTMLElement {
  return h(
    'flexipage-component2',
    {},
    h(
      'article',
      { class: `slds-card ${attributes.class ?? ''}`.trim() },
      h(
        'div',
        { class: 'slds-card__header slds-grid' },
        h(
          'header',
          { class: 'slds-media slds-media_center slds-has-flexi-truncate' },
          attributes.icon ? h('div', { class: 'slds-media__figure' }, icon(attributes.icon, 'small')) : null,
          h(
            'div',
            { class: 'slds-media__body' },
            h('h2', { class: 'slds-card__header-title' }, h('span', { class: 'slds-truncate', title }, title)),
          ),
        ),
      ),
      h('div', { class: 'slds-card__body slds-card__body_inner' }, ...body),
    ),
  );
}

/** A standard object icon: a coloured tile, as SLDS draws `slds-icon-standard-<object>`. */
export function icon(name: string, size: 'small' | 'medium'): HTMLElement {
  return h(
    'span',
    { class: `slds-icon_container slds-icon-standard-${name} slds-icon_${size}`, title: name },
    h('span', { class: 'slds-assistive-text' }, name),
  );
}

export function spinner(): HTMLElement {
  return h(
    'div',
    { class: 'slds-spinner_container', role: 'status' },
    h('span', { class: 'slds-assistive-text' }, 'Loading'),
    h('div', { class: 'slds-spinner slds-spinner_medium slds-spinner_brand' }),
  );
}
