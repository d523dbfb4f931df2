import type { RecordView } from '../../ui-data/types.ts';
import { fetchView, RecordNotFound } from '../data.ts';
import { settle } from '../dom.ts';
import { announceTitle } from '../page-host.ts';
import { accountRecord } from './account-record.ts';
import { spinner } from './card.ts';
import { eventRecord } from './event-record.ts';
import { renderNotFound } from './not-found.ts';
import { opportunityRecord } from './opportunity-record.ts';
import { userRecord } from './user-record.ts';

/** A record page for any id the URL carries: data arrives first, the page renders after a pause. */
export async function renderRecord(container: HTMLElement, recordId: string): Promise<void> {
  const loading = spinner();
  container.appendChild(loading);
  let view: RecordView;
  try {
    view = await fetchView<RecordView>(`/demo-ui/record/${encodeURIComponent(recordId)}`);
  } catch (error) {
    loading.remove();
    if (error instanceof RecordNotFound) return renderNotFound(container);
    throw error;
  }
  await settle();
  loading.remove();
  const page =
    view.sobject === 'Opportunity'
      ? opportunityRecord(view)
      : view.sobject === 'Account'
        ? accountRecord(view)
        : view.sobject === 'Event'
          ? eventRecord(view)
          : userRecord(view);
  container.appendChild(page.element);
  announceTitle(container, page.title);
}
