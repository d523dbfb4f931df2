import { keyPrefixes, normalizeRecordId } from '../../model/record-id';

/**
 * Pure detectors of Lightning pages, each a function of the URL. Every detector lists the URLs
 * it must recognise; the test checks each one is true for its own examples and false for all
 * the others'.
 */
export interface PageDetector {
  name: string;
  test(url: URL): boolean;
  examples: readonly string[];
}

const recordPath = /^\/lightning\/r\/(?:([A-Za-z0-9_]+)\/)?([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/(view|edit|clone)$/;

/**
 * The record id and object of a Lightning record page, from the URL alone. The old
 * `/one/one.app#/sObject/<id>/view` form is not read: Salesforce redirects it to this one.
 */
export function recordOf(url: URL): { objectApiName: string | null; recordId: string } | null {
  const match = recordPath.exec(url.pathname);
  const recordId = match?.[2] ? normalizeRecordId(match[2]) : null;
  return recordId ? { objectApiName: match?.[1] ?? null, recordId } : null;
}

/** The opportunity a page shows, when it is an opportunity record page. */
export function opportunityIdOf(url: URL): string | null {
  const record = recordOf(url);
  if (!record) return null;
  if (record.objectApiName && record.objectApiName !== 'Opportunity') return null;
  return record.recordId.startsWith(keyPrefixes.Opportunity) ? record.recordId : null;
}

function listViewObject(url: URL): string | null {
  return /^\/lightning\/o\/([A-Za-z0-9_]+)\/(?:list|pipelineInspection)$/.exec(url.pathname)?.[1] ?? null;
}

export const isOpportunityRecord: PageDetector = {
  name: 'isOpportunityRecord',
  test: (url) => opportunityIdOf(url) !== null,
  examples: [
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/view',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01/view',
    'https://acme.lightning.force.com/lightning/r/0065g00000Nwd01AAB/view',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/edit?count=1',
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/0065g00000Glx02AAB/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000Glx01AAB%2Fview',
    'http://127.0.0.1:4711/lightning/r/Opportunity/0065g00000Stk01AAB/view',
  ],
};

export const isOpportunityList: PageDetector = {
  name: 'isOpportunityList',
  test: (url) => listViewObject(url) === 'Opportunity',
  examples: [
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=00B5g00000AbCdE',
    'https://acme.lightning.force.com/lightning/o/Opportunity/pipelineInspection?filterName=MyOpportunities',
    'http://127.0.0.1:4711/lightning/o/Opportunity/list?filterName=AllOpportunities',
  ],
};

export const isAccountRecord: PageDetector = {
  name: 'isAccountRecord',
  test: (url) => {
    const record = recordOf(url);
    if (!record) return false;
    return record.recordId.startsWith(keyPrefixes.Account) && (record.objectApiName ?? 'Account') === 'Account';
  },
  examples: [
    'https://acme.lightning.force.com/lightning/r/Account/0015g00000Nwd01AAB/view',
    'https://acme.lightning.force.com/lightning/r/0015g00000Nwd01AAB/view',
    'http://127.0.0.1:4711/lightning/r/Account/0015g00000Glx01AAB/view',
  ],
};

/**
 * Lightning's global search results: `/lightning/search?searchInput=<term>` as Lightning links
 * them now, and the older `/one/one.app#<base64 of {componentDef: "forceSearch:searchPage…"}>`
 * that bookmarks still open.
 */
export const isSearchResults: PageDetector = {
  name: 'isSearchResults',
  test: (url) =>
    (/^\/lightning\/search\/?$/.test(url.pathname) && url.searchParams.has('searchInput')) ||
    (url.pathname === '/one/one.app' && /^forceSearch:searchPage/.test(componentOf(url.hash) ?? '')),
  // The hashes are page references as base64 JSON, terms "northwind" and "acme".
  examples: [
    'https://acme.lightning.force.com/lightning/search?searchInput=northwind',
    'http://127.0.0.1:4711/lightning/search?searchInput=north%20wind',
    'https://acme.lightning.force.com/one/one.app#eyJjb21wb25lbnREZWYiOiJmb3JjZVNlYXJjaDpzZWFyY2hQYWdlRGVza3RvcCIsImF0dHJpYnV0ZXMiOnsidGVybSI6Im5vcnRod2luZCIsInNjb3BlTWFwIjp7InR5cGUiOiJUT1BfUkVTVUxUUyJ9fX0=',
    'http://127.0.0.1:4711/one/one.app#eyJjb21wb25lbnREZWYiOiJmb3JjZVNlYXJjaDpzZWFyY2hQYWdlIiwiYXR0cmlidXRlcyI6eyJ0ZXJtIjoiYWNtZSJ9fQ==',
  ],
};

/** The Aura component an `/one/one.app#<base64 JSON>` URL opens, when it names one. */
function componentOf(hash: string): string | null {
  try {
    const page = JSON.parse(atob(decodeURIComponent(hash.slice(1)))) as { componentDef?: unknown };
    return typeof page.componentDef === 'string' ? page.componentDef : null;
  } catch {
    return null;
  }
}

/** Any page of the Lightning app: where opportunity links can appear. */
export function isLightningPage(url: URL): boolean {
  return url.pathname.startsWith('/lightning/') || url.pathname === '/one/one.app';
}

export const isHome: PageDetector = {
  name: 'isHome',
  test: (url) => url.pathname === '/lightning/page/home',
  examples: ['https://acme.lightning.force.com/lightning/page/home', 'http://127.0.0.1:4711/lightning/page/home'],
};

/** Pages where none of the detectors may fire. */
export const unrelatedExamples = [
  'https://acme.lightning.force.com/one/one.app#/sObject/0065g00000Nwd01AAB/view',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AAB/related/Call_Plans__r/view',
  'https://acme.lightning.force.com/lightning/r/Contact/0035g00000Nwd01AAB/view',
  'https://acme.lightning.force.com/lightning/o/Account/list?filterName=Recent',
  'https://acme.lightning.force.com/lightning/search',
  'https://acme.lightning.force.com/lightning/app/standard__LightningSalesConsole',
  'https://acme.lightning.force.com/lightning/o/Opportunity/new',
  'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home',
  'https://acme.lightning.force.com/lightning/r/Opportunity/not-an-id/view',
  'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Nwd01AA/view',
  'http://127.0.0.1:4711/login',
  // Lightning's paths only at the start, and whole.
  'https://acme.lightning.force.com/apps/lightning/o/Opportunity/list?filterName=Recent',
  'https://acme.lightning.force.com/lightning/o/Opportunity/listing?filterName=Recent',
  'https://acme.lightning.force.com/apps/lightning/search?searchInput=northwind',
  'https://acme.lightning.force.com/lightning/search/deep?searchInput=northwind',
  // Another one.app page, and a hash that is no page reference.
  'https://acme.lightning.force.com/one/one.app#eyJjb21wb25lbnREZWYiOiJmb3JjZTpyZWNvcmRIb21lIn0=',
  'https://acme.lightning.force.com/one/one.app#eyJhdHRyaWJ1dGVzIjp7fX0=',
  'https://acme.lightning.force.com/one/one.app#not-base64',
] as const;

export const pageDetectors = [
  isOpportunityRecord,
  isOpportunityList,
  isAccountRecord,
  isHome,
  isSearchResults,
] as const;
