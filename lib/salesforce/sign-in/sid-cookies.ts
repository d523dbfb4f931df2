import { apiOriginFromCookies, demoSidCookieDomains, orgIdOfSid, type SidCookie, sidCookieDomains } from '../hosts';

/** The part of chrome.cookies sign-in needs; tests pass a fake jar. */
export interface CookieJar {
  get(details: { url: string; name: string }): Promise<{ value: string } | null | undefined>;
  getAll(details: { name: string; domain: string }): Promise<SidCookie[]>;
}

/**
 * Reads the session for a page origin: the page's own `sid` names the org, the API host is the
 * host whose `sid` belongs to that org (never found by following a redirect), and its `sid` is
 * the session Precall uses. Lightning's own `sid` is not valid for the REST API.
 */
export async function readApiSession(
  jar: CookieJar,
  origin: string,
  allowDemo: boolean,
): Promise<{ apiOrigin: string; sid: string | null }> {
  const pageSid = (await jar.get({ url: `${origin}/`, name: 'sid' }).catch(() => null))?.value ?? null;
  let cookies: SidCookie[] = [];
  if (orgIdOfSid(pageSid)) {
    const domains = [...sidCookieDomains, ...(allowDemo ? demoSidCookieDomains : [])];
    const found = await Promise.all(
      domains.map((domain) => jar.getAll({ name: 'sid', domain }).catch(() => [] as SidCookie[])),
    );
    cookies = found.flat();
  }
  const apiOrigin = apiOriginFromCookies(origin, pageSid, cookies, allowDemo);
  if (!apiOrigin) return { apiOrigin: origin, sid: null };
  if (apiOrigin === origin) return { apiOrigin, sid: pageSid };
  const sid = (await jar.get({ url: `${apiOrigin}/`, name: 'sid' }).catch(() => null))?.value ?? null;
  return { apiOrigin, sid };
}
