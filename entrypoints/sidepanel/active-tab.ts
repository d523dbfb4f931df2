import { normalizeRecordId } from '../../lib/model/record-id';
import { opportunityIdOf } from '../../lib/salesforce/page-detection';

/** What the tab beside the side panel shows, as far as the panel is concerned. */
export type TabPage =
  | { kind: 'opportunity'; origin: string; opportunityId: string; title: string | null }
  /** A Salesforce page that is not an opportunity record (list view, account, home). */
  | { kind: 'salesforce'; origin: string }
  /** Anything else, or a page Chrome does not let Precall read (its URL is not given). */
  | { kind: 'elsewhere' };

/** Pure: a tab's URL (undefined when Precall has no access to it) → what the panel shows. */
export function pageOfTab(url: string | undefined, isSalesforce: (origin: string) => boolean, title?: string): TabPage {
  if (!url) return { kind: 'elsewhere' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'elsewhere' };
  }
  if (!isSalesforce(parsed.origin)) return { kind: 'elsewhere' };
  const opportunityId = opportunityIdOf(parsed);
  const normalized = opportunityId ? normalizeRecordId(opportunityId) : null;
  return normalized
    ? { kind: 'opportunity', origin: parsed.origin, opportunityId: normalized, title: recordTitleOf(title) }
    : { kind: 'salesforce', origin: parsed.origin };
}

/** Lightning titles a record tab "<record name> | Salesforce"; the name says which deal the panel follows. */
export function recordTitleOf(title: string | undefined): string | null {
  const name = title?.replace(/\s*\|\s*Salesforce\s*$/, '').trim();
  return name && name !== 'Salesforce' ? name : null;
}
