import { describe, expect, it, vi } from 'vitest';
import { type BackgroundDeps, createMessageHandler } from '../../../lib/background/handle-message';
import { PrecallDb } from '../../../lib/db/precall-db';
import { savePlan } from '../../../lib/db/save-plan';
import type { Session } from '../../../lib/messaging/protocol';
import { newCallPlan } from '../../../lib/model/call-plan';
import type { SyncService } from '../../../lib/sync/sync-service';
import { extensionId, extensionOrigin, testOrigin } from '../../support/background';

const opportunityId = '0065g00000Nwd01AAB';
const message = (type: string, payload: Record<string, unknown>) => ({
  precall: 1,
  type,
  payload: { origin: testOrigin, ...payload },
});
const panel = { id: extensionId, url: `${extensionOrigin}/panel.html` };
const options = { id: extensionId, url: `${extensionOrigin}/options.html` };
const now = new Date('2026-03-10T09:00:00.000Z');

function sessionOf(): Session {
  return {
    orgId: '00D5g00000PrcALEAZ',
    userId: '0055g00000Rly01AAB',
    userName: 'riley@precall.demo',
    displayName: 'Riley',
    apiOrigin: testOrigin,
    dbName: `precall-edges-${crypto.randomUUID()}`,
    source: 'identity',
  };
}

/** The real handler over one database, with the optional parts given or left out. */
function backgroundWith(parts: Partial<BackgroundDeps> = {}) {
  const session = sessionOf();
  const db = new PrecallDb(session.dbName);
  const writes: string[] = [];
  const handle = createMessageHandler({
    extensionId,
    extensionOrigin,
    allowDemo: true,
    now: () => now,
    resolveSession: async () => session,
    openDb: () => db,
    onLocalWrite: (written) => writes.push(written.dbName),
    ...parts,
  });
  return { handle, db, session, writes };
}

const aPlan = () => ({ ...newCallPlan(opportunityId, now), goal: 'Agree the pilot', bestNextStep: 'Pilot order' });

function fakeSync() {
  const status = { state: 'in-sync', unsynced: 0 };
  const sync = {
    run: vi.fn(async () => ({ ok: true })),
    pullOpportunities: vi.fn(async (_session, _db, ids: readonly string[]) => ({ pulled: [...ids], notVisible: [] })),
    status: vi.fn(async () => status),
  };
  return { sync: sync as unknown as SyncService, calls: sync, status };
}

describe('sync through the message handler', () => {
  it('runs a sync for the sender’s user and database, then answers the status after it', async () => {
    const { sync, calls, status } = fakeSync();
    const { handle, db, session } = backgroundWith({ sync });
    expect(await handle(message('sync:run', {}), panel)).toEqual({ ok: true, data: status });
    expect(calls.run).toHaveBeenCalledWith(session, db);
    expect(calls.run.mock.invocationCallOrder[0]).toBeLessThan(calls.status.mock.invocationCallOrder[0] ?? 0);
  });

  it('says sync is not there, rather than pretending, in a worker built without it', async () => {
    const { handle } = backgroundWith();
    expect(await handle(message('sync:run', {}), panel)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Sync is not available here' },
    });
    expect(await handle(message('plans:pull', { opportunityIds: [opportunityId] }), panel)).toEqual({
      ok: true,
      data: { pulled: [], notVisible: [], failure: { kind: 'error', message: 'Sync is not available' } },
    });
  });

  it.each([
    [true, true],
    [false, false],
    [undefined, false],
  ])('pulls the asked opportunities, forced only when asked (force: %s)', async (force, forced) => {
    const { sync, calls } = fakeSync();
    const { handle, db, session } = backgroundWith({ sync });
    const reply = await handle(message('plans:pull', { opportunityIds: [opportunityId], force }), panel);
    expect(reply).toEqual({ ok: true, data: { pulled: [opportunityId], notVisible: [] } });
    expect(calls.pullOpportunities).toHaveBeenCalledWith(session, db, [opportunityId], { force: forced });
  });
});

describe('local writes tell sync, and only real ones', () => {
  it('a deleted plan is a write; deleting a plan that is not here is not', async () => {
    const { handle, db, session, writes } = backgroundWith();
    const plan = await savePlan(db, aPlan(), now, session.userId);
    expect(await handle(message('plan:delete', { planKey: crypto.randomUUID() }), panel)).toEqual({
      ok: true,
      data: { deleted: false },
    });
    expect(writes).toEqual([]);
    expect(await handle(message('plan:delete', { planKey: plan.planKey }), panel)).toEqual({
      ok: true,
      data: { deleted: true },
    });
    expect(writes).toEqual([session.dbName]);
  });

  it('a refused change sent again is a write, answered resolved', async () => {
    const { handle, db, session, writes } = backgroundWith();
    const planKey = crypto.randomUUID();
    await db.rejections.put({
      table: 'plans',
      key: planKey,
      planKey,
      seq: 1,
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Goal must name the buyer',
      fields: ['Goal__c'],
      at: now.toISOString(),
    });
    const retry = message('rejection:resolve', { table: 'plans', key: planKey, action: 'retry' });
    expect(await handle(retry, panel)).toEqual({ ok: true, data: { resolved: true } });
    expect(writes).toEqual([session.dbName]);
    expect(await db.outbox.where('[table+key]').equals(['plans', planKey]).count()).toBe(1);
  });

  it('a choice on a refusal or conflict that is gone is "not-found" with the reason, and no write', async () => {
    const { handle, writes } = backgroundWith();
    const key = crypto.randomUUID();
    expect(await handle(message('rejection:resolve', { table: 'plans', key, action: 'discard' }), panel)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'This change is no longer refused' },
    });
    const conflict = message('conflict:resolve', { table: 'plans', key, resolution: { kind: 'keep-remote' } });
    expect(await handle(conflict, panel)).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    expect(writes).toEqual([]);
  });
});

describe('parts a worker may not have loaded', () => {
  it('coaching and sign-in say they are not there', async () => {
    const { handle } = backgroundWith();
    const report = message('coaching:report', { from: '2026-02-09', to: '2026-03-04', timeZone: 'UTC' });
    expect(await handle(report, options)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Coaching is not available here' },
    });
    expect(await handle({ precall: 1, type: 'signin:accounts', payload: {} }, options)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Sign-in is not available here' },
    });
  });

  it('tells sync who is active, once per message of a signed-in page', async () => {
    const active: string[] = [];
    const { handle, session } = backgroundWith({ onActivity: (who) => active.push(who.dbName) });
    await handle(message('plans:list', { opportunityId }), panel);
    expect(active).toEqual([session.dbName]);
  });
});

describe('what the background answers when it fails', () => {
  it.each([
    ['not a Precall message', 'hello', 'invalid-message', 'Not a Precall message'],
    [
      'a payload that does not fit its type',
      { precall: 1, type: 'plans:list', payload: { origin: testOrigin, opportunityId: 'x' } },
      'invalid-message',
      /^Invalid plans:list request: opportunityId: .+/,
    ],
  ])('%s', async (_case, raw, code, text) => {
    const reply = await backgroundWith().handle(raw, panel);
    expect(reply).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(text) } });
  });

  it.each([
    ['a Dexie error', 'DexieError', 'storage'],
    ['Dexie’s own kinds of error', 'DexieOpenError', 'storage'],
    ['a name that only ends like one', 'NotDexie', 'internal'],
    ['an error with no name', undefined, 'internal'],
  ])('%s (%s) is "%s"', async (_case, name, code) => {
    const { handle, db } = backgroundWith();
    db.plans.hook('creating', () => {
      throw Object.assign(new Error('it broke'), { name });
    });
    const reply = await handle(message('plan:save', { plan: aPlan() }), panel);
    expect(reply).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('it broke') } });
  });

  it('a thrown value that is not an Error still says what it was', async () => {
    const { handle, db } = backgroundWith();
    db.plans.hook('creating', () => {
      throw 'disk gone';
    });
    expect(await handle(message('plan:save', { plan: aPlan() }), panel)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'disk gone' },
    });
  });
});
