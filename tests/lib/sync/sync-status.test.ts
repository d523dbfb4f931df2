import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { SyncStateRow } from '../../../lib/db/sync-state-row';
import { runRowName } from '../../../lib/sync/run-sync';
import { readSyncStatus, type SyncState } from '../../../lib/sync/sync-status';

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`sync-status-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

const retryAt = '2026-03-10T09:05:00.000Z';
const failed = (kind: string, code: string, message: string): Omit<SyncStateRow, 'name'> => ({
  lastError: { kind, code, message, at: '2026-03-10T09:00:00.000Z' },
  nextAttemptAt: retryAt,
  lastSuccessAt: '2026-03-09T09:00:00.000Z',
});

describe('the state sync is in, as the panel and the toolbar show it', () => {
  it.each<[string, Omit<SyncStateRow, 'name'> | null, SyncState]>([
    ['never synced: no run yet', null, { kind: 'never-synced' }],
    ['never synced: a run row without a success', { attempt: 0 }, { kind: 'never-synced' }],
    [
      'in sync since the last success',
      { lastSuccessAt: '2026-03-10T08:00:00.000Z' },
      { kind: 'in-sync', at: '2026-03-10T08:00:00.000Z' },
    ],
    [
      'offline, with when it tries again',
      failed('offline', 'offline', 'This browser is offline'),
      { kind: 'offline', retryAt },
    ],
    [
      'offline, with no retry planned',
      { lastError: { kind: 'offline', code: 'offline', message: 'x', at: retryAt } },
      { kind: 'offline', retryAt: null },
    ],
    [
      'signed out, in Salesforce’s words',
      failed('signed-out', 'INVALID_SESSION_ID', 'Session expired or invalid'),
      { kind: 'signed-out', message: 'Session expired or invalid' },
    ],
    [
      'the daily limit used up, said plainly',
      failed('limit', 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
      { kind: 'error', reason: "Your org's daily Salesforce API limit is used up", retryAt },
    ],
    [
      'Precall’s objects not visible, with the code the panel explains',
      failed('error', 'objects-not-visible', 'sObject type Call_Plan__c is not supported'),
      {
        kind: 'error',
        reason: "Precall's objects are not visible to you in this org",
        retryAt,
        code: 'objects-not-visible',
      },
    ],
    [
      'any other failure, in Salesforce’s words',
      failed('retryable', 'SERVER_UNAVAILABLE', 'Service Unavailable'),
      { kind: 'error', reason: 'Service Unavailable', retryAt },
    ],
  ])('%s', async (_name, run, state) => {
    if (run) await db.syncState.put({ name: runRowName, ...run });
    expect((await readSyncStatus(db, null)).state).toEqual(state);
  });

  it('a run under way shows its progress, whatever the last run left', async () => {
    await db.syncState.put({ name: runRowName, ...failed('offline', 'offline', 'x') });
    expect((await readSyncStatus(db, { phase: 'push', done: 3, total: 10 })).state).toEqual({
      kind: 'syncing',
      phase: 'push',
      done: 3,
      total: 10,
    });
  });
});

describe('the plans counted as waiting, refused, in conflict and not in Salesforce', () => {
  it('counts each plan once, under the one thing the rep must see first', async () => {
    const at = '2026-03-10T09:00:00.000Z';
    await db.outbox.bulkAdd([
      { table: 'plans', key: 'p1', op: 'upsert', planKey: 'p1', at },
      { table: 'objections', key: 'o1', op: 'upsert', planKey: 'p1', at },
      { table: 'plans', key: 'p2', op: 'upsert', planKey: 'p2', at },
      { table: 'plans', key: 'p3', op: 'upsert', planKey: 'p3', at },
    ]);
    // p2 is refused and waiting; p3 is in conflict and refused; p4 is refused only.
    await db.rejections.bulkPut([
      { table: 'plans', key: 'p2', planKey: 'p2' },
      { table: 'plans', key: 'p3', planKey: 'p3' },
      { table: 'objections', key: 'o4', planKey: 'p4' },
    ] as never[]);
    await db.conflicts.bulkPut([{ table: 'plans', key: 'p3', planKey: 'p3' }] as never[]);
    await db.syncState.put({ name: runRowName, apiUsage: { used: 18, limit: 15000 } });
    expect(await readSyncStatus(db, null)).toMatchObject({
      pending: 1,
      rejected: 2,
      conflicts: 1,
      unsynced: 4,
      apiUsage: { used: 18, limit: 15000 },
    });
  });

  it('nothing to count, and no usage seen yet', async () => {
    expect(await readSyncStatus(db, null)).toEqual({
      state: { kind: 'never-synced' },
      pending: 0,
      rejected: 0,
      conflicts: 0,
      unsynced: 0,
      apiUsage: null,
    });
  });
});
