import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import { createBackgroundSync } from '../../../lib/sync/background-sync';
import { knownSessionsKey, type SessionStorageArea } from '../../../lib/sync/known-sessions';
import { runRowName } from '../../../lib/sync/run-sync';
import type { SyncService } from '../../../lib/sync/sync-service';
import type { ToolbarBadge } from '../../../lib/sync/toolbar-badge';

const sessionOf = (user: string): Session => ({
  orgId: '00D5g00000PrcALEAZ',
  userId: `0055g00000${user}01AAB`,
  userName: `${user}@precall.demo`,
  displayName: user,
  apiOrigin: 'https://acme.my.salesforce.com',
  dbName: `precall-00D5g00000PrcALEAZ-0055g00000${user}01AAB`,
  source: 'identity',
});
const riley = sessionOf('Rly');
const sam = sessionOf('Sam');

let clock = Date.parse('2026-03-04T09:00:00.000Z');
const databases = new Map<string, PrecallDb>();
const openDb = (session: Session) => {
  let db = databases.get(session.dbName);
  if (!db) {
    db = new PrecallDb(`${session.dbName}-${crypto.randomUUID()}`);
    databases.set(session.dbName, db);
  }
  return db;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  clock = Date.parse('2026-03-04T09:00:00.000Z');
  databases.clear();
});
afterEach(() => vi.useRealTimers());

function backgroundSync(options: { signInDelayMs?: number } = { signInDelayMs: 3000 }) {
  const items: Record<string, unknown> = {};
  const storage: SessionStorageArea = {
    get: async (key) => ({ [key]: items[key] }),
    set: async (more) => void Object.assign(items, more),
  };
  const runs: [string, unknown][] = [];
  const badges: ToolbarBadge[] = [];
  const service = {
    run: vi.fn(async (session: Session, _db: PrecallDb, request: unknown) => {
      runs.push([session.userName, request]);
      return { ok: true };
    }),
    status: vi.fn(async () => ({
      state: { kind: 'in-sync', at: null },
      pending: 0,
      rejected: 0,
      conflicts: 0,
      unsynced: 0,
    })),
    pullOpportunities: vi.fn(),
  };
  const sync = createBackgroundSync({
    service: service as unknown as SyncService,
    now: () => new Date(clock),
    storage,
    openDb,
    showBadge: (badge) => badges.push(badge),
    debounceMs: 2000,
    ...options,
  });
  return { sync, runs, badges, items, service };
}

/** Lets timers due within `ms` fire, and what they started finish. */
async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let tick = 0; tick < 20; tick++) await vi.advanceTimersByTimeAsync(0);
}

describe('sync as the worker runs it', () => {
  it('a user new here is remembered and synced fully, a moment after their page read its own data', async () => {
    const { sync, runs, items } = backgroundSync();
    await sync.activity(riley);
    expect(items[knownSessionsKey]).toEqual([{ session: riley, lastActiveAt: new Date(clock).toISOString() }]);
    await pass(2999);
    expect(runs).toEqual([]);
    await pass(1);
    expect(runs).toEqual([['Rly@precall.demo', { caches: true }]]);
  });

  it('a known user is not synced again for speaking, and their activity is written at most once a minute', async () => {
    const { sync, runs, items } = backgroundSync();
    await sync.activity(riley);
    await pass(3000);
    const first = items[knownSessionsKey];
    clock += 59_999;
    await sync.activity(riley);
    expect(items[knownSessionsKey]).toEqual(first);
    clock += 1;
    await sync.activity(riley);
    expect(items[knownSessionsKey]).toEqual([{ session: riley, lastActiveAt: new Date(clock).toISOString() }]);
    await pass(5000);
    expect(runs).toHaveLength(1);
  });

  it('a known user whose last run found them signed out syncs again when they speak', async () => {
    const { sync, runs } = backgroundSync();
    await sync.activity(riley);
    await pass(3000);
    await openDb(riley).syncState.put({
      name: runRowName,
      lastError: {
        kind: 'signed-out',
        code: 'not-signed-in',
        message: 'Sign in to Salesforce',
        at: new Date(clock).toISOString(),
      },
    } as never);
    await sync.activity(riley);
    await pass(3000);
    expect(runs).toHaveLength(2);
  });

  it('local writes wait for the debounce and become one run; the badge is redrawn at once and after', async () => {
    const { sync, runs, badges } = backgroundSync();
    await sync.activity(riley);
    await pass(3000);
    const before = badges.length;
    sync.localWrite(riley);
    sync.localWrite(riley);
    await pass(0);
    expect(badges.length).toBeGreaterThan(before);
    await pass(1999);
    expect(runs).toHaveLength(1);
    await pass(1);
    expect(runs).toHaveLength(2);
  });

  it('draws the badge of the user who spoke last only', async () => {
    const { sync, badges, service } = backgroundSync();
    await sync.activity(riley);
    await sync.activity(sam);
    await pass(3000);
    const drawn = badges.length;
    sync.localWrite(riley);
    await pass(0);
    expect(badges.length).toBe(drawn);
    sync.localWrite(sam);
    await pass(0);
    expect(badges.length).toBe(drawn + 1);
    expect(service.status).toHaveBeenCalled();
  });

  it('on reconnect everyone known syncs, or those the filter keeps; runNow syncs one user', async () => {
    const { sync, runs } = backgroundSync();
    await sync.activity(riley);
    await sync.activity(sam);
    await pass(3000);
    runs.length = 0;
    await sync.everyone((known) => known.session.dbName === sam.dbName);
    await pass(0);
    expect(runs).toEqual([['Sam@precall.demo', { caches: true }]]);
    await sync.everyone();
    await pass(0);
    expect(runs.map(([user]) => user).sort()).toEqual(['Rly@precall.demo', 'Sam@precall.demo', 'Sam@precall.demo']);
    await sync.runNow(riley);
    expect(runs.filter(([user]) => user === 'Rly@precall.demo')).toEqual([
      ['Rly@precall.demo', { caches: true }],
      ['Rly@precall.demo', { caches: true }],
    ]);
  });

  it('draws the badge for a local write before any page has spoken', async () => {
    const { sync, badges } = backgroundSync();
    sync.localWrite(riley);
    await pass(0);
    expect(badges).toHaveLength(1);
  });

  it('a known user whose last run went through is not synced again for speaking', async () => {
    const { sync, runs } = backgroundSync();
    await sync.activity(riley);
    await pass(3000);
    await openDb(riley).syncState.put({
      name: runRowName,
      lastSuccessAt: new Date(clock).toISOString(),
      lastError: null,
    } as never);
    clock += 120_000;
    await sync.activity(riley);
    await pass(5000);
    expect(runs).toHaveLength(1);
  });

  it('waits as long as it is told after a sign-in, 3 s unless told', async () => {
    const quick = backgroundSync({ signInDelayMs: 500 });
    await quick.sync.activity(riley);
    await pass(499);
    expect(quick.runs).toEqual([]);
    await pass(1);
    expect(quick.runs).toHaveLength(1);
    const plain = backgroundSync({ signInDelayMs: undefined });
    await plain.sync.activity(sam);
    await pass(2999);
    expect(plain.runs).toEqual([]);
    await pass(1);
    expect(plain.runs).toHaveLength(1);
  });

  it('the alarm syncs a user with changes waiting, and no one with nothing due', async () => {
    const { sync, runs } = backgroundSync();
    await sync.activity(riley);
    await pass(3000);
    runs.length = 0;
    // The last run succeeded a moment ago: a pull is not due yet.
    await openDb(riley).syncState.put({
      name: runRowName,
      lastSuccessAt: new Date(clock).toISOString(),
      lastError: null,
    } as never);
    await sync.tick();
    expect(runs).toEqual([]);
    await openDb(riley).outbox.add({
      table: 'plans',
      key: crypto.randomUUID(),
      op: 'upsert',
      planKey: crypto.randomUUID(),
      at: new Date(clock).toISOString(),
    });
    await sync.tick();
    expect(runs).toEqual([['Rly@precall.demo', { caches: false }]]);
  });
});
