import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { connectionAs, control, planValues, startTestOrg, users } from './demo-server-fixture';

describe('demo org control endpoints', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startTestOrg();
  });
  afterAll(() => server.close());

  it('are refused with 404 when the server is not in demo mode', async () => {
    const plain = await startDemoServer({ port: 0 });
    try {
      for (const [method, path] of [
        ['POST', 'reset'],
        ['POST', 'seed'],
        ['GET', 'faults'],
        ['GET', 'stats'],
        ['POST', 'expire-token'],
        ['POST', 'limits'],
        ['POST', 'clock'],
      ] as const) {
        const response = await fetch(`${plain.url}/__demo/${path}`, {
          method,
          body: method === 'POST' ? '{}' : undefined,
        });
        expect(response.status, `${method} ${path}`).toBe(404);
      }
    } finally {
      await plain.close();
    }
  });

  // How long the seed takes is a figure for a benchmark, not an assertion: a loaded machine is slower.
  it('seed: 10,000 opportunities and 50,000 plans, visible to their owners', async () => {
    const result = await control<{ opportunities: number; plans: number; ms: number }>(server, 'POST', 'seed', {
      opportunities: 10000,
      plansPerOpportunity: 5,
    });
    expect(result.ms).toBeGreaterThan(0);
    expect(result).toMatchObject({ opportunities: 10000, plans: 50000 });
    const admin = connectionAs(server, users.admin);
    expect((await admin.query('SELECT COUNT() FROM Call_Plan__c')).totalSize).toBeGreaterThanOrEqual(50000);
    const riley = connectionAs(server, users.riley);
    expect((await riley.query("SELECT COUNT() FROM Opportunity WHERE Name LIKE 'Bench%'")).totalSize).toBe(5000);
  }, 30000);

  it('reset goes back to the seed story and clears stats', async () => {
    await control(server, 'POST', 'reset');
    const admin = connectionAs(server, users.admin);
    expect((await admin.query('SELECT COUNT() FROM Opportunity')).totalSize).toBe(12);
    const stats = await control<{ byKind: Record<string, number> }>(server, 'GET', 'stats');
    expect(stats.byKind).toEqual({ query: 1 });
  });

  it('stats count per endpoint kind and per user; DELETE resets them only', async () => {
    await control(server, 'DELETE', 'stats');
    const sam = connectionAs(server, users.sam);
    await sam.query('SELECT Id FROM Opportunity');
    await sam
      .sobject('Call_Plan__c')
      .upsert(planValues(showcaseOpportunityId), 'Plan_Key__c')
      .catch(() => null);
    await sam.identity();
    const stats = await control<{
      byKind: Record<string, number>;
      byUser: Record<string, { byKind: Record<string, number> }>;
    }>(server, 'GET', 'stats');
    expect(stats.byKind).toMatchObject({ query: 1, 'sobject.upsert': 1, resources: 1, identity: 1 });
    expect(stats.byUser[users.sam]?.byKind.query).toBe(1);
  });

  it('expire-token by username ends that user’s sessions only', async () => {
    const riley = connectionAs(server, users.riley);
    const sam = connectionAs(server, users.sam);
    const { expired } = await control<{ expired: number }>(server, 'POST', 'expire-token', { username: users.riley });
    expect(expired).toBeGreaterThan(0);
    await expect(riley.query('SELECT Id FROM Opportunity')).rejects.toMatchObject({ name: 'INVALID_SESSION_ID' });
    expect((await sam.query('SELECT Id FROM Opportunity')).totalSize).toBe(6);
  });

  it('clock pins the server time used for stamps, and null releases it', async () => {
    const pinned = '2030-01-02T03:04:05.000Z';
    await control(server, 'POST', 'clock', { now: pinned });
    const riley = connectionAs(server, users.riley);
    const created = (await riley.sobject('Call_Plan__c').create(planValues(showcaseOpportunityId))) as { id: string };
    const record = await riley.sobject('Call_Plan__c').retrieve(created.id);
    expect(record.CreatedDate).toBe('2030-01-02T03:04:05.000+0000');
    const next = (await riley.sobject('Call_Plan__c').create(planValues(showcaseOpportunityId))) as { id: string };
    const later = await riley.sobject('Call_Plan__c').retrieve(next.id);
    expect(later.SystemModstamp > (record.SystemModstamp as string)).toBe(true);
    const released = await control<{ pinned: boolean }>(server, 'POST', 'clock', { now: null });
    expect(released.pinned).toBe(false);
  });
});

describe('demo org persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precall-demo-org-'));
  const dataFile = join(dir, 'org.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps records and sessions across a restart', async () => {
    const first = await startDemoServer({ port: 0, dataFile });
    const conn = connectionAs(first, users.riley);
    const values = planValues(showcaseOpportunityId);
    const created = (await conn.sobject('Call_Plan__c').create(values)) as { id: string };
    await conn.sobject('Call_Plan__c').update({ Id: created.id, Goal__c: 'Survives a restart' });
    await first.close();
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).format).toBe(1);

    const second = await startDemoServer({ port: 0, dataFile });
    try {
      const again = connectionAs(second, users.riley);
      const record = await again.sobject('Call_Plan__c').retrieve(created.id);
      expect(record).toMatchObject({ Goal__c: 'Survives a restart', Plan_Key__c: values.Plan_Key__c });
      // The old token is still a valid session, and new ids never collide with old ones.
      expect(second.org.sessionFor(conn.accessToken ?? '')?.user.Username).toBe(users.riley);
      const next = (await again.sobject('Call_Plan__c').create(planValues(showcaseOpportunityId))) as { id: string };
      expect(next.id).not.toBe(created.id);
      const duplicate = (await again
        .sobject('Call_Plan__c')
        .create([planValues(showcaseOpportunityId, values.Plan_Key__c as string)])) as {
        errors: { statusCode: string }[];
      }[];
      expect(duplicate[0]?.errors[0]?.statusCode).toBe('DUPLICATE_VALUE');
    } finally {
      await second.close();
    }
  });
});
