import { describe, expect, it } from 'vitest';
import { parseRoute, type Route } from '../../../demo/pages/public/route';

const opportunityId = '0065g00000Nwd01AAA';

/** The page app's router is a pure function of the URL, as Lightning's page references are. */
const cases: [string, string, Route][] = [
  ['/lightning/page/home', '', { kind: 'home' }],
  [
    `/lightning/r/Opportunity/${opportunityId}/view`,
    '',
    { kind: 'record', objectApiName: 'Opportunity', recordId: opportunityId },
  ],
  [`/lightning/r/${opportunityId}/view`, '', { kind: 'record', objectApiName: 'Opportunity', recordId: opportunityId }],
  [
    `/lightning/r/${opportunityId.slice(0, 15)}/view`,
    '',
    { kind: 'record', objectApiName: 'Opportunity', recordId: opportunityId.slice(0, 15) },
  ],
  [
    '/lightning/r/0015g00000Nwd01AAA/view',
    '',
    { kind: 'record', objectApiName: 'Account', recordId: '0015g00000Nwd01AAA' },
  ],
  [
    '/lightning/o/Opportunity/list',
    '?filterName=ClosingThisMonth',
    { kind: 'list', objectApiName: 'Opportunity', filterName: 'ClosingThisMonth', display: 'table' },
  ],
  [
    '/lightning/o/Opportunity/list',
    '?filterName=AllOpportunities&display=kanban',
    { kind: 'list', objectApiName: 'Opportunity', filterName: 'AllOpportunities', display: 'kanban' },
  ],
  [
    '/lightning/o/Opportunity/list',
    '',
    { kind: 'list', objectApiName: 'Opportunity', filterName: 'Recent', display: 'table' },
  ],
  ['/lightning/o/Opportunity/home', '', { kind: 'redirect', to: '/lightning/o/Opportunity/list?filterName=Recent' }],
  [
    '/lightning/o/Opportunity/list',
    '?filterName=AllOpportunities&display=split',
    { kind: 'list', objectApiName: 'Opportunity', filterName: 'AllOpportunities', display: 'split' },
  ],
  [
    '/lightning/o/Opportunity/list',
    '?display=gallery',
    { kind: 'list', objectApiName: 'Opportunity', filterName: 'Recent', display: 'table' },
  ],
  [
    '/lightning/r/00U5g00000E0a00AAA/view',
    '',
    { kind: 'record', objectApiName: 'Event', recordId: '00U5g00000E0a00AAA' },
  ],
  ['/lightning/search', '?searchInput=north%20wind', { kind: 'search', term: 'north wind' }],
  ['/lightning/search', '', { kind: 'search', term: '' }],
  ['/lightning/app/standard__LightningSalesConsole', '', { kind: 'app', app: 'standard__LightningSalesConsole' }],
  ['/lightning/app/standard__LightningSales', '', { kind: 'app', app: 'standard__LightningSales' }],
  ['/lightning/app/standard__Marketing', '', { kind: 'unknown' }],
  ['/lightning/r/Opportunity/short/view', '', { kind: 'unknown' }],
  ['/lightning/n/Some_Tab', '', { kind: 'unknown' }],
];

describe('parseRoute', () => {
  it.each(cases)('reads %s%s', (pathname, search, expected) => {
    expect(parseRoute(pathname, search)).toEqual(expected);
  });
});
