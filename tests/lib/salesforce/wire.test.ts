import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { createConnection } from '../../../lib/salesforce/connection';
import { createFetchTransport, requestTimeoutMs } from '../../../lib/salesforce/fetch-transport';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());

/** The API version the package is deployed with: the one Precall must speak. */
const packageVersion = (
  JSON.parse(readFileSync('salesforce/sfdx-project.json', 'utf8')) as { sourceApiVersion: string }
).sourceApiVersion;

describe('what goes on the wire', () => {
  it("requests go to the package's pinned API version, never jsforce's default", async () => {
    const seen: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      seen.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return realFetch(input, init);
    });
    try {
      const { token } = org.org.signIn('riley@precall.demo');
      await createConnection(org.url, token).query('SELECT Id FROM Opportunity LIMIT 1');
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual([`/services/data/v${packageVersion}/query`]);
  });

  it('a Salesforce request with no answer is abandoned after 30 s as unreachable', async () => {
    vi.useFakeTimers();
    try {
      // A fetch that never answers, but honours its abort signal as fetch does.
      const hung: typeof fetch = (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      const transport = createFetchTransport(hung);
      const answer = transport.httpRequest({ method: 'GET', url: 'https://example.my.salesforce.com/x' });
      const outcome = answer.then(
        () => 'answered',
        (error: Error) => `${error.name}: ${error.message}`,
      );
      await vi.advanceTimersByTimeAsync(requestTimeoutMs - 1);
      let settled = false;
      void outcome.then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await outcome).toBe('SalesforceUnreachable: Salesforce could not be reached: no answer within 30 s');
      expect(requestTimeoutMs).toBe(30_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
