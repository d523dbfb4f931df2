import type { ApiUsage } from '../salesforce/connection';
import type { SignInStore } from '../salesforce/sign-in/sign-in-store';

/** An org's version list is read again after a day (orgs upgrade three times a year). */
export const versionCheckMs = 24 * 60 * 60 * 1000;
/** API usage is written at most this often per org (it arrives with every answer). */
export const usageWriteMs = 30 * 1000;

type OrgFactsStore = Pick<SignInStore['orgFacts'], 'get' | 'merge'>;

/**
 * The API version to speak with an org: the one negotiated within the last day, from the sign-in
 * store, or negotiated now (one request to the org's version list) and remembered.
 */
export function cachedApiVersion(deps: {
  orgFacts: OrgFactsStore;
  now(): Date;
  negotiate(apiOrigin: string): Promise<string>;
}): (apiOrigin: string) => Promise<string> {
  return async (apiOrigin) => {
    const facts = await deps.orgFacts.get(apiOrigin);
    if (facts?.apiVersion && deps.now().getTime() - (facts.versionCheckedAt ?? 0) < versionCheckMs) {
      return facts.apiVersion;
    }
    const version = await deps.negotiate(apiOrigin);
    await deps.orgFacts.merge(apiOrigin, { apiVersion: version, versionCheckedAt: deps.now().getTime() });
    return version;
  };
}

/**
 * Keeps each org's daily API usage (from `Sforce-Limit-Info`, on every answer) in the sign-in
 * store, written at most once per `usageWriteMs` per org so a pull of many pages is not as many
 * writes.
 */
export function apiUsageWriter(deps: {
  orgFacts: OrgFactsStore;
  now(): Date;
}): (apiOrigin: string, usage: ApiUsage) => void {
  const lastWrite = new Map<string, number>();
  return (apiOrigin, usage) => {
    const at = deps.now().getTime();
    if (at - (lastWrite.get(apiOrigin) ?? 0) < usageWriteMs) return;
    lastWrite.set(apiOrigin, at);
    void deps.orgFacts.merge(apiOrigin, { apiUsage: { ...usage, at } });
  };
}
