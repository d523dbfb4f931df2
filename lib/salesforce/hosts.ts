/**
 * Where Precall runs. Production hosts are Lightning Experience UI hosts (salesforce-reference.md
 * §4.1); the demo build adds the local demo org. The production manifest never carries the demo
 * patterns (a test reads the built manifest).
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

export const demoMatches = ['http://127.0.0.1/*', 'http://*.localhost/*'] as const;

const lightningHost =
  /^([a-z0-9-]+(?:--[a-z0-9-]+)?(?:\.sandbox|\.develop)?)\.lightning\.(force\.com|force\.mil|crmforce\.mil|sfcrmapps\.cn)$/i;
const apiDomainFor: Record<string, string> = {
  'force.com': 'my.salesforce.com',
  'force.mil': 'my.salesforce.mil',
  'crmforce.mil': 'my.salesforce.mil',
  'sfcrmapps.cn': 'my.sfcrmproducts.cn',
};

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

/** True for a Lightning UI origin Precall serves (and, when `allowDemo`, the demo org). */
export function isSalesforceOrigin(origin: string, allowDemo: boolean): boolean {
  if (allowDemo && isDemoOrigin(origin)) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && lightningHost.test(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The REST API origin for a Lightning UI origin: `acme.lightning.force.com` is served by
 * `acme.my.salesforce.com` (Lightning hosts are not valid instance URLs). The demo org serves
 * pages and API on one origin.
 */
export function apiOriginFor(uiOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(uiOrigin);
  } catch {
    return null;
  }
  if (isDemoOrigin(url.origin)) return url.origin;
  const match = lightningHost.exec(url.hostname);
  if (!match || url.protocol !== 'https:') return null;
  const [, myDomain, suffix] = match;
  const apiDomain = suffix ? apiDomainFor[suffix.toLowerCase()] : undefined;
  if (!myDomain || !apiDomain) return null;
  // `acme--uat.sandbox.lightning.force.com` → `acme--uat.sandbox.my.salesforce.com`.
  return `https://${myDomain.toLowerCase()}.${apiDomain}`;
}
