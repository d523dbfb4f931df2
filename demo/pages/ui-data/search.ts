import type { DemoOrg, DemoUser } from '../../org/types';
import { toAccountRow } from './account-rows';
import { textField } from './fields';
import { createLookups, safeRecords } from './lookups';
import { byName, toOpportunityRow } from './opportunity-rows';
import type { SearchView } from './types';

/** Salesforce's global search needs at least two characters; shorter terms find nothing. */
export const minimumSearchLength = 2;
/** Results per object on the Top Results page. */
export const searchResultsPerObject = 25;

/**
 * Global search: opportunities and accounts the viewer may see whose name holds every word of
 * the term, case-insensitively; an opportunity also matches by its account's name, as
 * Salesforce's search indexes the account name on opportunities' search layout.
 */
export function searchView(org: DemoOrg, viewer: DemoUser, rawTerm: string | null): SearchView {
  const term = (rawTerm ?? '').trim().slice(0, 255);
  const words = term.toLocaleLowerCase('en').split(/\s+/).filter(Boolean);
  if (term.replace(/\s+/g, '').length < minimumSearchLength) return { term, opportunities: [], accounts: [] };
  const matches = (...texts: (string | null | undefined)[]) => {
    const haystack = texts.filter(Boolean).join(' ').toLocaleLowerCase('en');
    return words.every((word) => haystack.includes(word));
  };
  const lookups = createLookups(org, viewer);
  const opportunities = safeRecords(org, 'Opportunity', viewer)
    .map((r) => toOpportunityRow(r, lookups))
    .filter((o) => matches(o.name, o.account?.name))
    .sort(byName)
    .slice(0, searchResultsPerObject);
  const accounts = safeRecords(org, 'Account', viewer)
    .filter((a) => matches(textField(a, 'Name')))
    .map((a) => toAccountRow(a, lookups))
    .sort(byName)
    .slice(0, searchResultsPerObject);
  return { term, opportunities, accounts };
}
