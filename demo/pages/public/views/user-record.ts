import type { UserRecordView } from '../../ui-data/types.ts';
import { card } from './card.ts';
import { highlightsPanel } from './highlights.ts';
import { layoutItem, layoutSection, textValue } from './record-fields.ts';
import { recordHome } from './record-template.ts';

/** A plain user page, so owner links lead somewhere. */
export function userRecord(view: UserRecordView) {
  const u = view.user;
  const header = highlightsPanel('User', 'user', u.name, [
    { label: 'Title', value: textValue(u.title) },
    { label: 'Email', value: textValue(u.email) },
  ]);
  const details = layoutSection('About', [
    layoutItem('User', 'Name', 'Name', textValue(u.name)),
    layoutItem('User', 'Title', 'Title', textValue(u.title)),
    layoutItem('User', 'Email', 'Email', textValue(u.email)),
    layoutItem('User', 'Username', 'Username', textValue(u.username)),
  ]);
  return { element: recordHome(u.id, header, [card('Details', [details])], []), title: u.name };
}
