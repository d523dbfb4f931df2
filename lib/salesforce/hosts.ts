/**
 * Where Precall runs and which host answers the REST API. Production page hosts are Lightning
 * Experience UI hosts (salesforce-reference.md §4.1); the demo build adds the local demo org. The
 * production manifest never carries the demo patterns (a test reads the built manifest).
 */
export const lightningMatches = [
  'https://*.lightning.force.com/*',
  'https://*.lightning.force.mil/*',
  'https://*.lightning.crmforce.mil/*',
  'https://*.lightning.sfcrmapps.cn/*',
] as const;

/** The API hosts whose `sid` cookie signs Precall in. */
export const apiHostMatches = [
  'https://*.my.salesforce.com/*',
  'https://*.my.salesforce.mil/*',
  'https://*.my.sfcrmproducts.cn/*',
] as const;

/**
 * Where a Salesforce sign-in can start and where the OAuth callback page may be reached from:
 * the login hosts, My Domain, and the API hosts above.
 */
export const loginHostMatches = [
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  ...apiHostMatches,
] as const;

export const demoMatches = ['http://127.0.0.1/*', 'http://*.localhost/*'] as const;

/**
 * The cookie domains `chrome.cookies.getAll({name: 'sid', domain})` searches for the API host's
 * session: each covers its subdomains (`*.my.salesforce.com`, `*.sandbox.my.salesforce.com`…).
 */
export const sidCookieDomains = ['salesforce.com', 'salesforce.mil', 'sfcrmproducts.cn'] as const;
export const demoSidCookieDomains = ['localhost', '127.0.0.1'] as const;

/** What a host is for: Lightning pages, Setup pages, the REST API, or (the demo org) all of them. */
export type HostRole = 'lightning' | 'setup' | 'api' | 'demo';

export interface SalesforceHost {
  role: HostRole;
  /** The origin that answers the REST API for this host's org. */
  apiOrigin: string;
}

interface Family {
  /** The part of the host name after My Domain and its org-kind qualifier. */
  suffix: string;
  role: Exclude<HostRole, 'demo'>;
  apiSuffix: string;
  protocol: 'https:' | 'http:';
  demo?: true;
}

/**
 * Every domain family, as `<my-domain>[--<sandbox>][.<kind>].<suffix>`. Lightning and Setup
 * hosts redirect API calls, and jsforce's browser transport turns a redirect into an empty
 * failure, so each maps to its API host. Government Cloud Plus uses `crmforce.mil` for
 * Lightning; Hyperforce China serves Lightning on `sfcrmapps.cn` and the API on `sfcrmproducts.cn`.
 */
const families: readonly Family[] = [
  { suffix: 'lightning.force.com', role: 'lightning', apiSuffix: 'my.salesforce.com', protocol: 'https:' },
  { suffix: 'my.salesforce-setup.com', role: 'setup', apiSuffix: 'my.salesforce.com', protocol: 'https:' },
  { suffix: 'my.salesforce.com', role: 'api', apiSuffix: 'my.salesforce.com', protocol: 'https:' },
  { suffix: 'lightning.force.mil', role: 'lightning', apiSuffix: 'my.salesforce.mil', protocol: 'https:' },
  { suffix: 'lightning.crmforce.mil', role: 'lightning', apiSuffix: 'my.salesforce.mil', protocol: 'https:' },
  { suffix: 'my.salesforce.mil', role: 'api', apiSuffix: 'my.salesforce.mil', protocol: 'https:' },
  { suffix: 'lightning.sfcrmapps.cn', role: 'lightning', apiSuffix: 'my.sfcrmproducts.cn', protocol: 'https:' },
  { suffix: 'my.sfcrmproducts.cn', role: 'api', apiSuffix: 'my.sfcrmproducts.cn', protocol: 'https:' },
  // The demo org names its hosts like the real families, on `localhost`.
  { suffix: 'lightning.localhost', role: 'lightning', apiSuffix: 'my.localhost', protocol: 'http:', demo: true },
  { suffix: 'my.salesforce-setup.localhost', role: 'setup', apiSuffix: 'my.localhost', protocol: 'http:', demo: true },
  { suffix: 'my.localhost', role: 'api', apiSuffix: 'my.localhost', protocol: 'http:', demo: true },
];

/** Enhanced-domain org kinds between My Domain and the family suffix. */
const orgKinds = ['sandbox', 'develop', 'scratch', 'demo', 'patch', 'trailblaze'];
const myDomainLabel = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Microsoft Defender for Cloud Apps proxies Salesforce as `<host>.mcas.ms`. */
const proxySuffix = '.mcas.ms';

/**
 * The one pure answer to "what is this origin and which host serves its API": every family
 * (production, sandbox, developer, scratch, .mil, Hyperforce China, Setup, Lightning, API), and
 * in demo builds the demo org. Null for anything that is not Salesforce.
 */
export function classifyOrigin(origin: string, allowDemo: boolean): SalesforceHost | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  let host = url.hostname.toLowerCase();
  if (host.endsWith(proxySuffix) && url.protocol === 'https:') host = host.slice(0, -proxySuffix.length);
  for (const family of families) {
    if (family.demo && !allowDemo) continue;
    if (url.protocol !== family.protocol || !host.endsWith(`.${family.suffix}`)) continue;
    const prefix = host.slice(0, -family.suffix.length - 1);
    const labels = prefix.split('.');
    const myDomain = labels[0] ?? '';
    const kind = labels.length === 2 ? labels[1] : undefined;
    if (labels.length > 2 || (kind !== undefined && !orgKinds.includes(kind))) return null;
    if (!myDomainLabel.test(myDomain.replace('--', '-'))) return null;
    const port = family.demo && url.port ? `:${url.port}` : '';
    return { role: family.role, apiOrigin: `${family.protocol}//${prefix}.${family.apiSuffix}${port}` };
  }
  if (allowDemo && isDemoOrigin(url.origin)) return { role: 'demo', apiOrigin: url.origin };
  return null;
}

/** The demo org's own hosts: loopback and `*.localhost`, over http. */
export function isDemoOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      url.protocol === 'http:' &&
      (url.hostname === '127.0.0.1' || url.hostname.endsWith('.localhost') || url.hostname === 'localhost')
    );
  } catch {
    return false;
  }
}

/** True for a Salesforce origin Precall may act for (and, when `allowDemo`, the demo org). */
export function isSalesforceOrigin(origin: string, allowDemo: boolean): boolean {
  return classifyOrigin(origin, allowDemo) !== null;
}

/**
 * The REST API origin for a page origin by its name alone: `acme.lightning.force.com` is served
 * by `acme.my.salesforce.com`. The sid cookie's org id is the better guide
 * (`apiOriginFromCookies`); this is the fallback. Demo hosts are always understood here: the
 * sender check decides whether a build accepts them.
 */
export function apiOriginFor(origin: string): string | null {
  return classifyOrigin(origin, true)?.apiOrigin ?? null;
}

export interface SidCookie {
  /** As chrome.cookies reports it: a host (`acme.my.salesforce.com`) or a domain (`.x.com`). */
  domain: string;
  value: string;
}

/** The org id a session id starts with (`00D…!…`), as 15 characters; null when it is not one. */
export function orgIdOfSid(sid: string | null | undefined): string | null {
  const orgPart = sid?.split('!')[0] ?? '';
  return /^00D[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(orgPart) ? orgPart.slice(0, 15) : null;
}

/**
 * Finds the org's API host among the browser's `sid` cookies: the page's own session id names
 * the org, and the API host is the one whose `sid` belongs to the same org. Never by following a
 * redirect. Prefers the host the page's name maps to (a sandbox and production share nothing but
 * can both be open), then the first in a stable order; falls back to the name mapping.
 */
export function apiOriginFromCookies(
  pageOrigin: string,
  pageSid: string | null,
  cookies: readonly SidCookie[],
  allowDemo: boolean,
): string | null {
  const page = classifyOrigin(pageOrigin, allowDemo);
  if (!page) return null;
  const orgId = orgIdOfSid(pageSid);
  if (!orgId || page.role === 'api' || page.role === 'demo') return page.apiOrigin;
  const port = new URL(page.apiOrigin).port;
  const candidates = cookies
    .filter((cookie) => orgIdOfSid(cookie.value) === orgId)
    .map((cookie) => {
      const host = cookie.domain.replace(/^\./, '').toLowerCase();
      const scheme = classifyOrigin(`https://${host}`, false) ? 'https' : 'http';
      return `${scheme}://${host}${scheme === 'http' && port ? `:${port}` : ''}`;
    })
    .filter((origin) => classifyOrigin(origin, allowDemo)?.role === 'api')
    .sort();
  if (candidates.includes(page.apiOrigin)) return page.apiOrigin;
  return candidates[0] ?? page.apiOrigin;
}
