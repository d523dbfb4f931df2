import type { ActivityEventView, OpportunityRecordView, StageView } from '../../ui-data/types.ts';
import { h } from '../dom.ts';
import { formatCurrency, formatDate, formatDateTime, formatPercent } from '../format.ts';
import { card } from './card.ts';
import { highlightsPanel } from './highlights.ts';
import { optionalLookup, recordHref } from './lookup-link.ts';
import { dynamicField, layoutItem, layoutSection, numberValue, textValue } from './record-fields.ts';
import { recordHome } from './record-template.ts';

/** The Opportunity record page: highlights, stage path, details, and the activity timeline. */
export function opportunityRecord(view: OpportunityRecordView) {
  const o = view.opportunity;
  const header = highlightsPanel('Opportunity', 'opportunity', o.name, [
    { label: 'Account Name', value: optionalLookup(o.account) },
    { label: 'Stage', value: textValue(o.stage) },
    { label: 'Amount', value: numberValue(formatCurrency(o.amount)) },
    { label: 'Close Date', value: textValue(formatDate(o.closeDate)) },
    { label: 'Opportunity Owner', value: optionalLookup(o.owner) },
  ]);
  const details = layoutSection('Opportunity Information', [
    layoutItem('Opportunity', 'Name', 'Opportunity Name', textValue(o.name)),
    layoutItem('Opportunity', 'OwnerId', 'Opportunity Owner', optionalLookup(o.owner)),
    layoutItem('Opportunity', 'AccountId', 'Account Name', optionalLookup(o.account)),
    layoutItem('Opportunity', 'CloseDate', 'Close Date', textValue(formatDate(o.closeDate))),
    layoutItem('Opportunity', 'StageName', 'Stage', textValue(o.stage)),
    layoutItem('Opportunity', 'Amount', 'Amount', numberValue(formatCurrency(o.amount))),
    layoutItem('Opportunity', 'Probability', 'Probability (%)', numberValue(formatPercent(o.probability))),
    layoutItem('Opportunity', 'NextStep', 'Next Step', textValue(o.nextStep)),
  ]);
  const keyFields = h(
    'div',
    { class: 'slds-form', role: 'list' },
    dynamicField('Opportunity', 'StageName', 'Stage', textValue(o.stage)),
    dynamicField('Opportunity', 'Amount', 'Amount', numberValue(formatCurrency(o.amount))),
    dynamicField('Opportunity', 'CloseDate', 'Close Date', textValue(formatDate(o.closeDate))),
    dynamicField('Opportunity', 'NextStep', 'Next Step', textValue(o.nextStep)),
    dynamicField('Opportunity', 'Probability', 'Probability (%)', numberValue(formatPercent(o.probability))),
    dynamicField('Opportunity', 'OwnerId', 'Opportunity Owner', optionalLookup(o.owner)),
  );
  const element = recordHome(
    o.id,
    header,
    [
      h('flexipage-component2', {}, stagePath(view.stages, o.stage)),
      card('Details', [details], { class: 'record-details' }),
    ],
    [
      card('Key Fields', [keyFields], { class: 'key-fields' }),
      card('Activity', [timeline(view.events)], { icon: 'event' }),
    ],
  );
  return { element, title: o.name };
}

/** The sales path: the open stages, then one closing step showing how the deal closed, as Lightning's path does. */
function stagePath(stages: StageView[], current: string): HTMLElement {
  const open = stages.filter((s) => !s.name.startsWith('Closed ')).map((s) => s.name);
  const closedNow = current.startsWith('Closed ');
  const steps = [...open, closedNow ? current : 'Closed'];
  const currentIndex = closedNow ? steps.length - 1 : steps.indexOf(current);
  const items = steps.map((name, index) => {
    const state =
      index === currentIndex
        ? 'slds-is-current slds-is-active'
        : index < currentIndex
          ? 'slds-is-complete'
          : 'slds-is-incomplete';
    return h(
      'li',
      { class: `slds-path__item ${state}`, role: 'presentation' },
      h(
        'a',
        { class: 'slds-path__link', role: 'option', 'aria-selected': String(index === currentIndex), title: name },
        h('span', { class: 'slds-path__title' }, name),
      ),
    );
  });
  return h(
    'runtime_sales_pathassistant-path-assistant',
    {},
    h(
      'article',
      { class: 'slds-card slds-path' },
      h(
        'div',
        { class: 'slds-grid slds-path__track' },
        h('ul', { class: 'slds-path__nav', role: 'listbox', 'aria-orientation': 'horizontal' }, ...items),
      ),
    ),
  );
}

function timeline(events: ActivityEventView[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'slds-text-color_weak emptyActivity' }, 'No activities to show.');
  return h(
    'ul',
    { class: 'slds-timeline' },
    ...events.map((event) =>
      h(
        'li',
        {},
        h(
          'div',
          { class: 'slds-timeline__item_expandable slds-timeline__item_event', 'data-event-id': event.id },
          h(
            'div',
            { class: 'slds-media' },
            h('div', { class: 'slds-media__figure' }, h('span', { class: 'slds-timeline__icon' })),
            h(
              'div',
              { class: 'slds-media__body slds-grid slds-grid_align-spread' },
              h(
                'h3',
                { class: 'slds-truncate' },
                h('a', { href: recordHref(event.id), title: event.subject }, event.subject),
              ),
              h('div', { class: 'slds-timeline__date' }, formatDateTime(event.start)),
            ),
          ),
        ),
      ),
    ),
  );
}
