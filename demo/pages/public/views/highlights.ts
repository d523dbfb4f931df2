import { h } from '../dom.ts';
import { icon } from './card.ts';

export interface HighlightsField {
  label: string;
  value: Node | string;
}

/**
 * The record header: `records-lwc-highlights-panel > … > records-highlights2`, with the record
 * name in `h1 lightning-formatted-text` and the compact layout fields in
 * `records-highlights-details-item`.
 */
export function highlightsPanel(entityLabel: string, iconName: string, name: string, fields: HighlightsField[]) {
  const details = fields.map((field) =>
    h(
      'records-highlights-details-item',
      { class: 'slds-page-header__detail-block' },
      h(
        'div',
        {},
        h('p', { class: 'slds-text-title slds-truncate', title: field.label }, field.label),
        // A div, not a p: a p cannot hold the lookup's divs once the page is saved and parsed again.
        h('div', { class: 'fieldComponent slds-text-body_regular slds-show_medium' }, field.value),
      ),
    ),
  );
  return h(
    'flexipage-component2',
    {},
    h(
      'records-lwc-highlights-panel',
      {},
      h(
        'records-lwc-record-layout',
        {},
        h(
          'records-highlights2',
          {},
          h(
            'div',
            { class: 'highlights slds-clearfix slds-page-header slds-page-header_record-home' },
            h(
              'div',
              { class: 'slds-grid primaryFieldRow' },
              h(
                'div',
                { class: 'slds-grid slds-col slds-has-flexi-truncate' },
                h('div', { class: 'slds-media__figure' }, icon(iconName, 'medium')),
                h(
                  'div',
                  { class: 'slds-media__body' },
                  h(
                    'h1',
                    {},
                    h('div', { class: 'entityNameTitle slds-line-height_reset' }, entityLabel),
                    h(
                      'div',
                      { class: 'slds-page-header__title slds-m-right_small slds-align-middle' },
                      h('lightning-formatted-text', { class: 'custom-truncate' }, name),
                    ),
                  ),
                ),
              ),
              h(
                'div',
                { class: 'slds-col slds-no-flex slds-grid slds-align-top actionsContainer' },
                h(
                  'runtime_platform_actions-actions-ribbon',
                  {},
                  h(
                    'ul',
                    { class: 'slds-button-group-list' },
                    h('li', {}, h('button', { class: 'slds-button slds-button_neutral', type: 'button' }, 'Follow')),
                    h('li', {}, h('button', { class: 'slds-button slds-button_neutral', type: 'button' }, 'Edit')),
                  ),
                ),
              ),
            ),
            h('div', { class: 'secondaryFields slds-page-header__detail-row' }, ...details),
          ),
        ),
      ),
    ),
  );
}
