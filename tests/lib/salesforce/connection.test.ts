import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { apiUsageOf, createConnection, fetchIdentity, lastAnsweredAt } from '../../../lib/salesforce/connection';

let org: DemoServer;
let token: string;

beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await fetch(`${org.url}/__demo/faults`, { method: 'DELETE' });
  token = org.org.signIn('riley@precall.demo').token;
});

const fault = (body: unknown) =>
  fetch(`${org.url}/__demo/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the daily API usage Salesforce reports (Sforce-Limit-Info)', () => {
  it.each([
    ['api-usage=18/15000', { used: 18, limit: 15000 }],
    ['api-usage=14999/15000', { used: 14999, limit: 15000 }],
    ['api-usage=25/5000; per-app-api-usage=17/250(appName=Precall)', { used: 25, limit: 5000 }],
    ['per-app-api-usage=2/250(appName=Precall); api-usage=1234/100000', { used: 1234, limit: 100000 }],
    ['per-app-api-usage=2/250(appName=Precall)', null],
    ['api-usage=x/15000', null],
    ['api-usage=18', null],
    ['', null],
    [undefined, null],
  ])('%s → %j', (header, usage) => {
    expect(apiUsageOf(header)).toEqual(usage);
  });

  it('is told on every answer that carries it', async () => {
    const seen: unknown[] = [];
    await createConnection(org.url, token, { onApiUsage: (usage) => seen.push(usage) }).query(
      'SELECT Id FROM Opportunity LIMIT 1',
    );
    expect(seen).toEqual([{ used: expect.any(Number), limit: expect.any(Number) }]);
  });
});

describe('the worker connection (jsforce browser build) against the demo org', () => {
  it('learns who the session belongs to', async () => {
    expect(await fetchIdentity(org.url, token)).toEqual({
      orgId: org.org.orgId,
      userId: '0055g00000Rly01AAB',
      userName: 'riley@precall.demo',
      displayName: 'Riley Chen',
    });
  });

  it('fails fast and says so when the connection drops, instead of waiting forever', async () => {
    await fault({ kind: 'drop', match: { path: '/services/' } });
    const started = Date.now();
    await expect(fetchIdentity(org.url, token)).rejects.toMatchObject({
      name: 'SalesforceUnreachable',
      message: expect.stringContaining('Salesforce could not be reached'),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('surfaces an expired session as INVALID_SESSION_ID', async () => {
    await expect(fetchIdentity(org.url, 'not-a-session')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
  });

  it('queries with the pinned API version', async () => {
    const result = await createConnection(org.url, token).query<{ Name: string }>(
      'SELECT Name FROM Opportunity ORDER BY Name LIMIT 2',
    );
    expect(result.records.map((r) => r.Name)).toEqual(['Acme – Loyalty Renewal', 'Acme – Store Analytics']);
    const stats = (await (await fetch(`${org.url}/__demo/stats`)).json()) as object;
    expect(JSON.stringify(stats)).toContain('query');
  });

  it("knows when Salesforce last answered, by the org's clock, not the browser's", async () => {
    const connection = createConnection(org.url, token);
    expect(lastAnsweredAt(connection)).toBeNull();
    await fetch(`${org.url}/__demo/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ now: '2031-05-06T07:08:09.500Z' }),
    });
    try {
      await connection.query('SELECT Id FROM Opportunity LIMIT 1');
    } finally {
      await fetch(`${org.url}/__demo/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ now: null }),
      });
    }
    // The Date header says seconds only.
    expect(lastAnsweredAt(connection)?.toISOString()).toBe('2031-05-06T07:08:09.000Z');
    expect(lastAnsweredAt(null)).toBeNull();
  });
});
