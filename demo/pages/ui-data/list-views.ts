import { opportunityStages } from '../../org/seed-data';
import type { DemoOrg, DemoUser, SObjectRecord } from '../../org/types';
import { toAccountRow } from './account-rows';
import { numberField, textField } from './fields';
import { applyOpportunityFilter, opportunityListFilters, recency, resolveFilterName } from './list-filters';
import { type ListQuery, parseListQuery } from './list-query';
import { createLookups, type Lookups, safeRecords } from './lookups';
import { toOpportunityRow } from './opportunity-rows';
import { type SortKey, sortedPage } from './sorted-page';
import type { AccountListView, OpportunityListView, StageTotalView } from './types';

/**
 * The list endpoints: one page of a list view, sorted by the server. Every request reads through
 * `org.records(…, viewer)`, then costs one pass to filter and key the records, one sort, and
 * rows built only for the page, so 10,000 opportunities stay fast.
 */
type SortKeys = Record<string, (record: SObjectRecord, lookups: Lookups) => SortKey>;

/** Sortable columns by the `fieldName` the pages' table sends. */
const opportunitySortKeys: SortKeys = {
  Name: (r) => textField(r, 'Name'),
  'Account.Name': (r, l) => l.account(textField(r, 'AccountId'))?.name ?? null,
  StageName: (r) => textField(r, 'StageName'),
  Amount: (r) => numberField(r, 'Amount'),
  CloseDate: (r) => textField(r, 'CloseDate'),
  'Owner.Name': (r, l) => l.user(textField(r, 'OwnerId'))?.name ?? null,
};

const accountSortKeys: SortKeys = {
  Name: (r) => textField(r, 'Name'),
  Industry: (r) => textField(r, 'Industry'),
  BillingCity: (r) => textField(r, 'BillingCity'),
  'Owner.Name': (r, l) => l.user(textField(r, 'OwnerId'))?.name ?? null,
};

/**
 * `?filter=<list view>&offset&limit&sortBy&sortDir[&stage=<StageName>]`; `stage` narrows to one
 * Kanban column while `stageTotals` still counts every column. Throws BadListQuery.
 */
export function opportunityListView(
  org: DemoOrg,
  viewer: DemoUser,
  params: URLSearchParams,
  now: Date,
): OpportunityListView {
  const query = parseListQuery(params, Object.keys(opportunitySortKeys));
  const filterName = resolveFilterName(params.get('filter'));
  const lookups = createLookups(org, viewer);
  const listed = applyOpportunityFilter(filterName, safeRecords(org, 'Opportunity', viewer), viewer, now);
  const stage = params.get('stage');
  const records = stage === null ? listed : listed.filter((r) => textField(r, 'StageName') === stage);
  // Recently Viewed keeps its own order (last viewed first) until the user sorts a column.
  const recent = filterName === 'Recent' && query.sortBy === null;
  const sortBy = recent ? null : (query.sortBy ?? 'Name');
  const page =
    sortBy === null
      ? sortedPage(records, recency, (r) => r.Id, 'desc', query.offset, query.limit)
      : pageOf(records, opportunitySortKeys, lookups, { ...query, sortBy });
  return {
    filterName,
    label: opportunityListFilters.find((f) => f.name === filterName)?.label ?? filterName,
    filters: [...opportunityListFilters],
    stages: opportunityStages.map((s) => ({ name: s.name, probability: s.probability })),
    stageTotals: stageTotals(listed),
    rows: page.map((r) => toOpportunityRow(r, lookups)),
    total: records.length,
    offset: query.offset,
    limit: query.limit,
    sortBy,
    sortDir: recent ? 'desc' : query.sortDir,
  };
}

/** `?offset&limit&sortBy&sortDir`, by name unless told otherwise. Throws BadListQuery. */
export function accountListView(org: DemoOrg, viewer: DemoUser, params: URLSearchParams): AccountListView {
  const query = parseListQuery(params, Object.keys(accountSortKeys));
  const lookups = createLookups(org, viewer);
  const records = safeRecords(org, 'Account', viewer);
  const sortBy = query.sortBy ?? 'Name';
  const page = pageOf(records, accountSortKeys, lookups, { ...query, sortBy });
  return {
    label: 'All Accounts',
    rows: page.map((r) => toAccountRow(r, lookups)),
    total: records.length,
    offset: query.offset,
    limit: query.limit,
    sortBy,
    sortDir: query.sortDir,
  };
}

function pageOf(
  records: SObjectRecord[],
  keys: SortKeys,
  lookups: Lookups,
  query: ListQuery & { sortBy: string },
): SObjectRecord[] {
  const key = keys[query.sortBy];
  if (!key) throw new Error(`no sort key for ${query.sortBy}`);
  return sortedPage(
    records,
    (r) => key(r, lookups),
    (r) => r.Id,
    query.sortDir,
    query.offset,
    query.limit,
  );
}

function stageTotals(records: SObjectRecord[]): StageTotalView[] {
  const totals = new Map<string, StageTotalView>(
    opportunityStages.map((s) => [s.name, { name: s.name, count: 0, amount: 0 }]),
  );
  for (const record of records) {
    const total = totals.get(textField(record, 'StageName') ?? '');
    if (!total) continue;
    total.count += 1;
    total.amount += numberField(record, 'Amount') ?? 0;
  }
  return [...totals.values()];
}
