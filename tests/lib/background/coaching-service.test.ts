import { describe, expect, it, vi } from 'vitest';
import { createCoachingService } from '../../../lib/background/coaching-service';
import { PrecallDb } from '../../../lib/db/precall-db';
import type { Session } from '../../../lib/messaging/protocol';
import type { SyncService } from '../../../lib/sync/sync-service';

const now = new Date('2026-03-04T12:00:00.000Z');
const riley = '0055g00000Rly01AAB';
const period = { origin: 'https://acme.my.salesforce.com', from: '2026-02-09', to: '2026-03-04', timeZone: 'UTC' };

function rileysBrowser() {
  const session = { dbName: `coaching-${crypto.randomUUID()}`, userId: riley } as Session;
  return { session, db: new PrecallDb(session.dbName) };
}

/** A sync whose runs the test ends: each run waits until `finish` is called with its result. */
function heldSync() {
  const finishers: ((outcome: { ok: true } | { ok: false; failure: { message: string } } | Error) => void)[] = [];
  const run = vi.fn(
    () =>
      new Promise((resolve, reject) => {
        finishers.push((outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
      }),
  );
  const finish = (outcome: Parameters<(typeof finishers)[number]>[0]) => finishers.shift()?.(outcome);
  return { sync: { run } as unknown as SyncService, run, finish };
}

describe('the coaching report, refreshed from Salesforce when asked', () => {
  it('runs one sync (caches included) for views asking together, and answers each after it', async () => {
    const { sync, run, finish } = heldSync();
    const coaching = createCoachingService({ now: () => now, sync });
    const { db, session } = rileysBrowser();
    const first = coaching.report({ ...period, refresh: true }, db, session);
    const second = coaching.report({ ...period, refresh: true }, db, session);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(run).toHaveBeenCalledWith(session, db, { caches: true });
    finish({ ok: true });
    for (const view of await Promise.all([first, second])) expect(view).not.toHaveProperty('refreshProblem');
    // Once it ended, the next refresh runs again.
    const third = coaching.report({ ...period, refresh: true }, db, session);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(2));
    finish({ ok: true });
    await third;
  });

  it.each([
    ['a run that failed', { ok: false as const, failure: { message: 'Salesforce is over its API limit' } }],
    ['a run that threw', new Error('Salesforce is over its API limit')],
  ])('answers the local numbers with why the refresh failed: %s', async (_case, outcome) => {
    const { sync, finish } = heldSync();
    const coaching = createCoachingService({ now: () => now, sync });
    const { db, session } = rileysBrowser();
    const view = coaching.report({ ...period, refresh: true }, db, session);
    await vi.waitFor(() => finish(outcome));
    expect(await view).toMatchObject({ refreshProblem: 'Salesforce is over its API limit', viewer: { role: 'rep' } });
  });

  it('a plain report never runs sync, and without sync a refresh is the local report', async () => {
    const { sync, run } = heldSync();
    const { db, session } = rileysBrowser();
    await createCoachingService({ now: () => now, sync }).report(period, db, session);
    expect(run).not.toHaveBeenCalled();
    const local = await createCoachingService({ now: () => now }).report({ ...period, refresh: true }, db, session);
    expect(local).not.toHaveProperty('refreshProblem');
  });
});

describe('what the coaching service refuses', () => {
  it('a time zone that does not exist, as a bad question rather than a failure', async () => {
    const { db, session } = rileysBrowser();
    const coaching = createCoachingService({ now: () => now });
    await expect(coaching.report({ ...period, timeZone: 'Mars/Olympus_Mons' }, db, session)).rejects.toMatchObject({
      code: 'invalid-message',
    });
  });

  it('a drill-down into a rep outside the report, or a number the report does not hold', async () => {
    const { db, session } = rileysBrowser();
    const coaching = createCoachingService({ now: () => now });
    const drill = { ...period, figure: 'coverage.planned' as const, weekStart: null };
    await expect(coaching.evidence({ ...drill, repId: '0055g00000Sam01AAB' }, db, session)).rejects.toMatchObject({
      code: 'invalid-message',
      message: 'That rep is not in the report',
    });
    await expect(
      coaching.evidence({ ...drill, repId: riley, weekStart: '2020-01-06' }, db, session),
    ).rejects.toMatchObject({ code: 'not-found', message: 'That number is not in the report any more' });
  });
});
