import type { DemoUser, SObjectRecord } from '../../org/types';
import { textField } from './fields';
import type { ListFilterView } from './types';

/** The Opportunity list views of a standard org, by their `filterName` (developer name). */
export const opportunityListFilters = [
  { name: 'Recent', label: 'Recently Viewed' },
  { name: 'AllOpportunities', label: 'All Opportunities' },
  { name: 'MyOpportunities', label: 'My Opportunities' },
  { name: 'ClosingThisMonth', label: 'Closing This Month' },
] as const satisfies readonly ListFilterView[];

export type OpportunityFilterName = (typeof opportunityListFilters)[number]['name'];

/** Lightning falls back to Recently Viewed for a list view it does not know. */
export function resolveFilterName(value: string | null): OpportunityFilterName {
  return opportunityListFilters.find((f) => f.name === value)?.name ?? 'Recent';
}

/**
 * Sharing is already applied to `visible`; a list view only narrows it further. Ordering is the
 * list endpoint's job (see `listOrder`), so that paging and sorting agree.
 */
export function applyOpportunityFilter(
  filterName: OpportunityFilterName,
  visible: SObjectRecord[],
  viewer: DemoUser,
  now: Date,
): SObjectRecord[] {
  switch (filterName) {
    case 'MyOpportunities':
      return visible.filter((r) => r.OwnerId === viewer.Id);
    case 'ClosingThisMonth': {
      const month = localDate(now).slice(0, 7);
      return visible.filter((r) => (textField(r, 'CloseDate') ?? '').startsWith(month));
    }
    case 'Recent':
    case 'AllOpportunities':
      return visible;
  }
}

/** Recently Viewed lists the last viewed first; the others list by name unless the user sorts. */
export function recency(record: SObjectRecord): string {
  return textField(record, 'LastViewedDate') ?? textField(record, 'LastModifiedDate') ?? '';
}

/** `YYYY-MM-DD` of `now` in the server's time zone, as a user's "this month" is local. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
