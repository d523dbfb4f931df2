import { h } from '../dom.ts';

/** Field values wrapped in the base components Lightning uses for them. */
export function textValue(value: string | null): HTMLElement {
  return h('lightning-formatted-text', {}, value ?? '');
}

export function numberValue(formatted: string): HTMLElement {
  return h('lightning-formatted-number', {}, formatted);
}

/**
 * A field of a page layout section: `records-record-layout-item` with the label in
 * `.test-id__field-label` and the value in `.test-id__field-value`.
 */
export function layoutItem(objectApiName: string, apiName: string, label: string, value: Node | string): HTMLElement {
  return h(
    'records-record-layout-item',
    {
      class: 'slds-form__item slds-no-space',
      'field-label': label,
      'data-target-selection-name': `sfdc:RecordField.${objectApiName}.${apiName}`,
    },
    formElement(label, value),
  );
}

/** A field of a Dynamic Forms component: `record_flexipage-record-field`, same inner markup. */
export function dynamicField(objectApiName: string, apiName: string, label: string, value: Node | string): HTMLElement {
  return h(
    'record_flexipage-record-field',
    {
      class: 'slds-form__item',
      'data-field-id': `Record${apiName}Field`,
      'data-target-selection-name': `sfdc:RecordField.${objectApiName}.${apiName}`,
    },
    formElement(label, value),
  );
}

function formElement(label: string, value: Node | string): HTMLElement {
  return h(
    'div',
    { class: 'slds-form-element slds-form-element_readonly slds-form-element_stacked slds-hint-parent' },
    h('div', { class: 'slds-form-element__label' }, h('span', { class: 'test-id__field-label' }, label)),
    h(
      'div',
      { class: 'slds-form-element__control' },
      h('span', { class: 'test-id__field-value slds-form-element__static slds-grow' }, value),
    ),
  );
}

/** A page layout section holding its items two to a row, as record detail tabs show them. */
export function layoutSection(title: string, items: HTMLElement[]): HTMLElement {
  const rows: HTMLElement[] = [];
  for (let i = 0; i < items.length; i += 2) {
    rows.push(h('records-record-layout-row', { class: 'slds-form__row' }, items[i], items[i + 1]));
  }
  return h(
    'records-record-layout-section',
    {},
    h(
      'div',
      { class: 'slds-section slds-is-open' },
      h(
        'h3',
        { class: 'slds-section__title test-id__section-header-container' },
        h('span', { class: 'test-id__section-header-title' }, title),
      ),
      h('div', { class: 'slds-section__content' }, h('div', { class: 'slds-form', role: 'list' }, ...rows)),
    ),
  );
}
