import type { EventRecordView } from '../../ui-data/types.ts';
import { formatDateTime } from '../format.ts';
import { card } from './card.ts';
import { highlightsPanel } from './highlights.ts';
import { optionalLookup } from './lookup-link.ts';
import { layoutItem, layoutSection, textValue } from './record-fields.ts';
import { recordHome } from './record-template.ts';

/**
 * An Event record page: a record of another object whose lookups link an opportunity (Related
 * To, in the highlights and in the details), the way Lightning renders any lookup field.
 */
export function eventRecord(view: EventRecordView) {
  const e = view.event;
  const header = highlightsPanel('Event', 'event', e.subject, [
    { label: 'Start', value: textValue(formatDateTime(e.start)) },
    { label: 'Related To', value: optionalLookup(e.related) },
    { label: 'Assigned To', value: optionalLookup(e.owner) },
  ]);
  const details = layoutSection('Calendar Details', [
    layoutItem('Event', 'Subject', 'Subject', textValue(e.subject)),
    layoutItem('Event', 'OwnerId', 'Assigned To', optionalLookup(e.owner)),
    layoutItem('Event', 'StartDateTime', 'Start', textValue(formatDateTime(e.start))),
    layoutItem('Event', 'WhatId', 'Related To', optionalLookup(e.related)),
    layoutItem('Event', 'EndDateTime', 'End', textValue(formatDateTime(e.end))),
    layoutItem('Event', 'AccountId', 'Account', optionalLookup(e.account)),
    layoutItem('Event', 'Type', 'Type', textValue(e.type)),
  ]);
  return {
    element: recordHome(e.id, header, [card('Details', [details], { class: 'record-details' })], []),
    title: e.subject,
  };
}
