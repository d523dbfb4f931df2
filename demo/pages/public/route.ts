/** What the URL asks for; a pure function of the location, like Lightning's page references. */
export type Route =
  | { kind: 'home' }
  | { kind: 'record'; objectApiName: string | null; recordId: string }
  | { kind: 'list'; objectApiName: string; filterName: string; display: 'table' | 'kanban' }
  | { kind: 'redirect'; to: string }
  | { kind: 'unknown' };

/** Key prefixes of the objects the demo pages render, for the short `/lightning/r/<id>/view` form. */
const objectsByPrefix: Record<string, string> = { '001': 'Account', '005': 'User', '006': 'Opportunity' };

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
    return {
      kind: 'list',
      objectApiName: list[1],
      filterName: params.get('filterName') ?? 'Recent',
      display: params.get('display') === 'kanban' ? 'kanban' : 'table',
    };
  }
  return { kind: 'unknown' };
}
