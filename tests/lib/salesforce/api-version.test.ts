import { describe, expect, it } from 'vitest';
import { apiVersion, negotiateApiVersion, versionFor } from '../../../lib/salesforce/api-version';

describe('the version spoken with an org', () => {
  it.each<[string, string[], string]>([
    ['ours, when the org knows it', ['60.0', apiVersion, '63.0'], apiVersion],
    ['ours, when the org names none', [], apiVersion],
    // An org mid-upgrade, still on an older release: the highest it knows, by number, not text.
    ['the highest the org knows, when it does not know ours', ['9.0', '58.0', '59.0', '31.0'], '59.0'],
    ['the one it knows', ['45.0'], '45.0'],
  ])('%s', (_name, known, expected) => {
    expect(versionFor(known)).toBe(expected);
  });
});

/** A fetch that answers `GET /services/data/` as told and remembers how it was asked. */
function versionList(answer: () => Promise<Response>) {
  const asked: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    return answer();
  }) as unknown as typeof fetch;
  return { fetchImpl, asked };
}

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe("negotiating the version from the org's list", () => {
  it('asks the list at the org, without following a redirect, with a time limit', async () => {
    const { fetchImpl, asked } = versionList(() => json([{ version: apiVersion }]));
    expect(await negotiateApiVersion('https://acme.my.salesforce.com', fetchImpl)).toBe(apiVersion);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.url).toBe('https://acme.my.salesforce.com/services/data/');
    expect(asked[0]?.init?.redirect).toBe('manual');
    expect(asked[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('takes the highest listed version when ours is not listed, ignoring malformed entries', async () => {
    const { fetchImpl } = versionList(() =>
      json([{ version: '58.0' }, { version: '59.0' }, { version: 59 }, { version: '99' }, { version: 'x60.0' }, null]),
    );
    expect(await negotiateApiVersion('https://acme.my.salesforce.com', fetchImpl)).toBe('59.0');
    const trailing = versionList(() => json([{ version: '58.0' }, { version: '63.0-beta' }]));
    expect(await negotiateApiVersion('https://acme.my.salesforce.com', trailing.fetchImpl)).toBe('58.0');
  });

  it.each<[string, () => Promise<Response>]>([
    // Whatever a refusal's body says.
    ['the list is refused', () => json([{ version: '58.0' }], 503)],
    ['the answer is not a list', () => json({ versions: ['59.0'] })],
    ['the list names no version', () => json([{ label: 'Spring' }])],
    ['Salesforce cannot be reached', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['the answer is not JSON', () => Promise.resolve(new Response('<html>', { status: 200 }))],
  ])('speaks our own when %s', async (_name, answer) => {
    const { fetchImpl } = versionList(answer);
    expect(await negotiateApiVersion('https://acme.my.salesforce.com', fetchImpl)).toBe(apiVersion);
  });
});
