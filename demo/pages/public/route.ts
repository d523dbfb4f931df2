/** What the URL asks for; a pure function of the location, like Lightning's page references. */
export type Route =
  | { kind: 'home' }
  | { kind: 'record'; objectApiName: string | null; recordId: string }
  | { kind: 'list'; objectApiName: string; filterName: string; display: ListDisplay }
  | { kind: 'search'; term: string }
  | { kind: 'app'; app: AppName }
  | { kind: 'redirect'; to: string }
  | { kind: 'unknown' };

export type ListDisplay = 'table' | 'kanban' | 'split';

/**
 * The Lightning apps the demo has, by the developer names Lightning puts in `/lightning/app/…`:
 * the standard Sales app and the Sales Console (workspace tabs).
 */
export const apps = {
  standard__LightningSales: { kind: 'standard', label: 'Sales' },
  standard__LightningSalesConsole: { kind: 'console', label: 'Sales Console' },
} as const;
export type AppName = keyof typeof apps;

/** Key prefixes of the objects the demo pages render, for the short `/lightning/r/<id>/view` form. */
const objectsByPrefix: Record<string, string> = {
  '001': 'Account',
  '005': 'User',
  '006': 'Opportunity',
  '00U': 'Event',
};

const displays: readonly ListDisplay[] = ['table', 'kanban', 'split'];

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  if (pathname === '/lightning/page/home') return { kind: 'home' };
  const longRecord = /^\/lightning\/r\/([A-Za-z0-9_]+)\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/.exec(pathname);
  if (longRecord?.[1] && longRecord[2])
    return { kind: 'record', objectApiName: longRecord[1], recordId: longRecord[2] };
  const shortRecord = /^\/lightning\/r\/([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/.exec(pathname);
  if (shortRecord?.[1]) {
    const recordId = shortRecord[1];
    return { kind: 'record', objectApiName: objectsByPrefix[recordId.slice(0, 3)] ?? null, recordId };
  }
  const objectHome = /^\/lightning\/o\/([A-Za-z0-9_]+)\/home\/?$/.exec(pathname);
  if (objectHome?.[1]) return { kind: 'redirect', to: `/lightning/o/${objectHome[1]}/list?filterName=Recent` };
  const list = /^\/lightning\/o\/([A-Za-z0-9_]+)\/list\/?$/.exec(pathname);
  if (list?.[1]) {
    const display = params.get('display');
    return {
      kind: 'list',
      objectApiName: list[1],
      filterName: params.get('filterName') ?? 'Recent',
      display: displays.find((d) => d === display) ?? 'table',
    };
  }
  // Global search results, as Lightning links them: `/lightning/search?searchInput=<term>`.
  if (/^\/lightning\/search\/?$/.test(pathname)) return { kind: 'search', term: params.get('searchInput') ?? '' };
  const app = /^\/lightning\/app\/([A-Za-z0-9_]+)\/?$/.exec(pathname)?.[1];
  if (app && app in apps) return { kind: 'app', app: app as AppName };
  return { kind: 'unknown' };
}
