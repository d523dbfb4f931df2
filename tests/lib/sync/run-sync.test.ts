import { afterEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import type { SalesforceAccess } from '../../../lib/salesforce/salesforce-access';
import { runRowName, runSync, type SyncDeps } from '../../../lib/sync/run-sync';
import { SyncFailure } from '../../../lib/sync/sync-failure';
import { quietSalesforce } from './support/fake-salesforce';
import { now, rep } from './support/synced-rows';

const databases: PrecallDb[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const usage = { used: 100, limit: 15_000, at: now.getTime() };

/** A Salesforce with nothing in it, or one whose queries fail with `fail`. */
function world(failWith?: () => Error) {
  let fail = failWith;
  const db = new PrecallDb(`run-sync-${crypto.randomUUID()}`);
  databases.push(db);
  let answeredUsage: typeof usage | null = usage;
  const { client, queries } = quietSalesforce({
    fail: () => {
      if (fail) throw fail();
    },
    usage: () => answeredUsage,
  });
  const checkpoints: string[] = [];
  const deps: SyncDeps = {
    access: {} as SalesforceAccess,
    now: () => now,
    random: () => 0,
    client: () => client,
    checkpoint: (step) => checkpoints.push(step),
  };
  const session = { userId: rep, orgId: '00D000000000001AAA', dbName: db.name } as Session;
  return {
    db,
    deps,
    session,
    queries,
    checkpoints,
    noUsage: () => {
      answeredUsage = null;
    },
    failWith: (error: () => Error) => {
      fail = error;
    },
  };
}

describe('runSync', () => {
  it('pulls plans and objections together, pushes, then refreshes the read-only copies, and records the success', async () => {
    const { db, deps, session, checkpoints } = world();
    expect(await runSync(deps, db, session)).toMatchObject({ ok: true });
    expect(checkpoints.slice(0, 3)).toEqual(['pulled plans', 'pulled objections', 'pushed']);
    expect(checkpoints.slice(3)).toEqual(expect.arrayContaining(['pulled Opportunity', 'pulled Event', 'pulled User']));
    expect(await db.syncState.get(runRowName)).toMatchObject({
      lastSuccessAt: now.toISOString(),
      lastError: null,
      attempt: 0,
      nextAttemptAt: null,
      apiUsage: usage,
    });
  });

  it('without caches stops after the push', async () => {
    const { db, deps, session, checkpoints } = world();
    await runSync(deps, db, session, { caches: false });
    expect(checkpoints).toEqual(['pulled plans', 'pulled objections', 'pushed']);
  });

  it('offline, asks Salesforce nothing and says so', async () => {
    const { db, deps, session, queries } = world();
    const result = await runSync({ ...deps, online: () => false }, db, session);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'offline', code: 'offline', message: 'This browser is offline' },
    });
    expect(queries).toEqual([]);
  });

  it('records a failure with its attempt, and when to try again; a later success clears it', async () => {
    const { db, deps, session } = world(
      () => new SyncFailure('retryable', 'SERVER_UNAVAILABLE', 'Salesforce is unavailable'),
    );
    await runSync(deps, db, session);
    await runSync(deps, db, session);
    const row = await db.syncState.get(runRowName);
    expect(row).toMatchObject({
      attempt: 2,
      lastError: {
        kind: 'retryable',
        code: 'SERVER_UNAVAILABLE',
        message: 'Salesforce is unavailable',
        at: now.toISOString(),
      },
      apiUsage: usage,
    });
    expect(Date.parse(row?.nextAttemptAt ?? '')).toBeGreaterThan(now.getTime());
  });

  it('a signed-out failure waits for the next sign-in, not a timer', async () => {
    const { db, deps, session } = world(() => new SyncFailure('signed-out', 'not-signed-in', 'Sign in to Salesforce'));
    await runSync(deps, db, session);
    expect(await db.syncState.get(runRowName)).toMatchObject({ nextAttemptAt: null, attempt: 1 });
  });

  it('an unexpected error is recorded by its name and message', async () => {
    const { db, deps, session } = world(() => new RangeError('Invalid time value'));
    const result = await runSync(deps, db, session);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'error', code: 'RangeError', message: 'Invalid time value' },
    });
  });

  it('keeps the last known API usage when Salesforce told none this time, failing or not', async () => {
    const first = world();
    await runSync(first.deps, first.db, first.session);
    first.noUsage();
    await runSync(first.deps, first.db, first.session);
    expect(await first.db.syncState.get(runRowName)).toMatchObject({ apiUsage: usage });
    first.failWith(() => new SyncFailure('retryable', 'SERVER_UNAVAILABLE', 'Salesforce is unavailable'));
    await runSync(first.deps, first.db, first.session);
    expect(await first.db.syncState.get(runRowName)).toMatchObject({ attempt: 1, apiUsage: usage });
  });
});
