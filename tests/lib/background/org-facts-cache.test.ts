import { describe, expect, it, vi } from 'vitest';
import {
  apiUsageWriter,
  cachedApiVersion,
  usageWriteMs,
  versionCheckMs,
} from '../../../lib/background/org-facts-cache';
import type { OrgFacts } from '../../../lib/salesforce/sign-in/sign-in-store';

const org = 'https://acme.my.salesforce.com';
const other = 'https://globex.my.salesforce.com';
const start = Date.parse('2026-03-10T09:00:00.000Z');

/** The sign-in store's org facts, in memory, merged as the store merges them. */
function orgFactsStore(initial: OrgFacts[] = []) {
  const rows = new Map(initial.map((facts) => [facts.apiOrigin, facts]));
  const merges: [string, Partial<OrgFacts>][] = [];
  return {
    merges,
    get: async (apiOrigin: string) => rows.get(apiOrigin) ?? null,
    merge: async (apiOrigin: string, facts: Partial<Omit<OrgFacts, 'apiOrigin'>>) => {
      merges.push([apiOrigin, facts]);
      rows.set(apiOrigin, { ...(rows.get(apiOrigin) ?? { apiOrigin }), ...facts, apiOrigin });
    },
  };
}

describe('the API version spoken with an org', () => {
  it('is negotiated once, remembered with when, and reused for a day', async () => {
    let clock = start;
    const orgFacts = orgFactsStore();
    const negotiate = vi.fn(async () => '62.0');
    const version = cachedApiVersion({ orgFacts, now: () => new Date(clock), negotiate });
    expect(await version(org)).toBe('62.0');
    expect(orgFacts.merges).toEqual([[org, { apiVersion: '62.0', versionCheckedAt: start }]]);
    clock = start + versionCheckMs - 1;
    expect(await version(org)).toBe('62.0');
    expect(negotiate).toHaveBeenCalledTimes(1);
    // A day on, the org may have been upgraded.
    negotiate.mockResolvedValueOnce('63.0');
    clock = start + versionCheckMs;
    expect(await version(org)).toBe('63.0');
    expect(negotiate).toHaveBeenCalledTimes(2);
    expect(negotiate).toHaveBeenLastCalledWith(org);
  });

  it('negotiates when the store knows the org but no version, or a version without its date', async () => {
    const negotiate = vi.fn(async () => '62.0');
    const orgFacts = orgFactsStore([{ apiOrigin: org }, { apiOrigin: other, apiVersion: '61.0' }]);
    const version = cachedApiVersion({ orgFacts, now: () => new Date(start), negotiate });
    expect(await version(org)).toBe('62.0');
    expect(await version(other)).toBe('62.0');
    expect(negotiate).toHaveBeenCalledTimes(2);
  });
});

describe("an org's API usage", () => {
  it('is written at once, then at most once per interval for each org', () => {
    let clock = start;
    const orgFacts = orgFactsStore();
    const write = apiUsageWriter({ orgFacts, now: () => new Date(clock) });
    write(org, { used: 10, limit: 15000 });
    write(other, { used: 3, limit: 5000 });
    clock = start + usageWriteMs - 1;
    write(org, { used: 11, limit: 15000 });
    clock = start + usageWriteMs;
    write(org, { used: 12, limit: 15000 });
    expect(orgFacts.merges).toEqual([
      [org, { apiUsage: { used: 10, limit: 15000, at: start } }],
      [other, { apiUsage: { used: 3, limit: 5000, at: start } }],
      [org, { apiUsage: { used: 12, limit: 15000, at: start + usageWriteMs } }],
    ]);
  });
});
