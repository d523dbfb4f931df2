import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import type { SalesforceAccess } from '../../../lib/salesforce/salesforce-access';
import type { RunResult } from '../../../lib/sync/run-sync';
import type { QueryPage, SalesforceClient } from '../../../lib/sync/salesforce-client';
import { SyncFailure, SyncStopped } from '../../../lib/sync/sync-failure';
import { createSyncService } from '../../../lib/sync/sync-service';
import { quietSalesforce } from './support/fake-salesforce';

const session = { userId: '0055g00000Rly01AAB', dbName: 'sync-service' } as Session;
const access = {} as SalesforceAccess;
const empty: QueryPage = { totalSize: 0, done: true, records: [] };

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`sync-service-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

describe('a sync run through the service', () => {
  it('shows its progress while it runs, and the outcome after; tells who listens that it ran', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // The plans' first page says more is coming; the next one waits for the gate.
    const { client: quiet } = quietSalesforce();
    const client = {
      ...quiet,
      async queryTogether(list: { soql: string }[]) {
        return list.map((_, index) =>
          index === 0 ? { totalSize: 1, done: false, nextRecordsUrl: '/next', records: [] } : empty,
        );
      },
      async queryMore() {
        await gate;
        return empty;
      },
    } as SalesforceClient;
    const ran: RunResult[] = [];
    const seen: unknown[] = [];
    const service = createSyncService({
      access,
      now: () => new Date('2026-03-10T09:00:00.000Z'),
      client: () => client,
      ranSync: (_session, ranDb, result) => {
        expect(ranDb).toBe(db);
        ran.push(result);
      },
      progress: (_db, progress) => seen.push(progress),
    });
    const running = service.run(session, db);
    await expect.poll(async () => (await service.status(db)).state.kind).toBe('syncing');
    open();
    expect(await running).toMatchObject({ ok: true });
    expect((await service.status(db)).state).toEqual({ kind: 'in-sync', at: '2026-03-10T09:00:00.000Z' });
    expect(ran).toEqual([await running]);
    expect(seen.at(-1)).toBeNull();
  });
});

describe('an on-demand pull of opportunities through the service', () => {
  it('offline, asks Salesforce nothing and says so', async () => {
    const { client, queries } = quietSalesforce();
    const service = createSyncService({ access, now: () => new Date(), client: () => client, online: () => false });
    expect(await service.pullOpportunities(session, db, ['0065g00000Nwd01AAB'])).toEqual({
      pulled: [],
      notVisible: [],
      failure: { kind: 'offline', message: 'This browser is offline' },
    });
    expect(queries).toEqual([]);
  });

  it('online, asks Salesforce', async () => {
    const { client, queries } = quietSalesforce();
    const service = createSyncService({ access, now: () => new Date(), client: () => client, online: () => true });
    const result = await service.pullOpportunities(session, db, ['0065g00000Nwd01AAB']);
    expect(result.failure).toBeUndefined();
    expect(queries.length).toBeGreaterThan(0);
  });

  it('a failure Salesforce gave is answered with its kind, code and words, and nothing pulled', async () => {
    const { client } = quietSalesforce({
      fail: () => {
        throw new SyncFailure('limit', 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      },
    });
    const service = createSyncService({ access, now: () => new Date(), client: () => client });
    expect(await service.pullOpportunities(session, db, ['0065g00000Nwd01AAB'])).toEqual({
      pulled: [],
      notVisible: [],
      failure: { kind: 'limit', code: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
    });
  });

  it.each([
    ['a stopped worker', new SyncStopped('stopped')],
    ['a fault of Precall’s own', new TypeError('x is undefined')],
  ])('%s is not taken for a Salesforce failure', async (_name, error) => {
    const { client } = quietSalesforce({
      fail: () => {
        throw error;
      },
    });
    const service = createSyncService({ access, now: () => new Date(), client: () => client });
    await expect(service.pullOpportunities(session, db, ['0065g00000Nwd01AAB'])).rejects.toBe(error);
  });
});
