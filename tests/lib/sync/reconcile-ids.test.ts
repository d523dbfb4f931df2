import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { reconcileIfDue } from '../../../lib/sync/reconcile-ids';
import { fakeSync, page } from './support/fake-salesforce';

const now = new Date('2026-03-10T09:00:00.000Z');
const day = 24 * 60 * 60_000;
const reconcileEveryMs = 15 * day;
const windowStart = new Date(now.getTime() - 90 * day);
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`reconcile-ids-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

/** Salesforce still has these ids; everything else in the window is gone there. */
function salesforceHas(planIds: string[], objectionIds: string[] = []) {
  return fakeSync(db, {
    query: (soql) => page((soql.includes('Call_Plan_Objection__c') ? objectionIds : planIds).map((Id) => ({ Id }))),
  });
}

async function syncedPlan(key: string, salesforceId: string, callAt: string, options: { row?: boolean } = {}) {
  const values = { callAt, goal: 'Agree the pilot scope', ownerId: '005000000000001AAA' };
  if (options.row !== false) await db.plans.put({ planKey: key, ...values } as never);
  await db.bases.put({ table: 'plans', key, planKey: key, salesforceId, systemModstamp: ago(day), values });
}

async function syncedObjection(key: string, planKey: string, salesforceId: string) {
  const values = { objection: 'Price', response: 'Payback in a quarter', sortOrder: 0 };
  await db.objections.put({ objectionKey: key, planKey, ...values } as never);
  await db.bases.put({ table: 'objections', key, planKey, salesforceId, systemModstamp: ago(day), values });
}

const watermarked = (lastFullAt?: string | null) =>
  db.syncState.put({ name: 'Call_Plan__c', watermark: ago(60_000), lastFullAt });

describe('when the ids are reconciled with Salesforce', () => {
  it.each([
    ['never pulled yet: no sync state', null, false],
    ['pulled, but no watermark yet', { name: 'Call_Plan__c', watermark: null, lastFullAt: null }, false],
    ['never reconciled', { name: 'Call_Plan__c', watermark: ago(60_000) }, true],
    [
      'reconciled exactly the interval ago',
      { name: 'Call_Plan__c', watermark: ago(60_000), lastFullAt: ago(reconcileEveryMs) },
      true,
    ],
    [
      'reconciled a moment less than the interval ago',
      { name: 'Call_Plan__c', watermark: ago(60_000), lastFullAt: ago(reconcileEveryMs - 1) },
      false,
    ],
  ] as const)('%s', async (_, state, due) => {
    if (state) await db.syncState.put(state);
    const { ctx, calls } = salesforceHas([]);
    expect(await reconcileIfDue(ctx)).toBe(due);
    expect(calls.length).toBe(due ? 2 : 0);
  });

  it('asks for the ids of plans and then of objections in the plan window, live records only', async () => {
    await watermarked();
    const { ctx, calls } = salesforceHas([]);
    await reconcileIfDue(ctx);
    const from = windowStart.toISOString().replace('.000Z', 'Z');
    expect(calls).toEqual([
      { kind: 'query', soql: `SELECT Id FROM Call_Plan__c WHERE Call_At__c >= ${from}`, all: false },
      {
        kind: 'query',
        soql: `SELECT Id FROM Call_Plan_Objection__c WHERE Call_Plan__r.Call_At__c >= ${from}`,
        all: false,
      },
    ]);
  });

  it('remembers when each object was reconciled, keeping its watermark', async () => {
    await watermarked(ago(20 * day));
    const { ctx } = salesforceHas([]);
    await reconcileIfDue(ctx);
    expect(await db.syncState.get('Call_Plan__c')).toEqual({
      name: 'Call_Plan__c',
      watermark: ago(60_000),
      lastFullAt: now.toISOString(),
    });
    expect(await db.syncState.get('Call_Plan_Objection__c')).toEqual({
      name: 'Call_Plan_Objection__c',
      lastFullAt: now.toISOString(),
    });
  });
});

describe('a synced plan Salesforce no longer has', () => {
  it.each([
    ['still in Salesforce', 'kept', 'a01000000000001AAA', ago(day)],
    ['gone there, its call inside the window', 'removed', 'a01000000000009AAA', ago(day)],
    [
      'gone there, its call exactly at the start of the window',
      'removed',
      'a01000000000009AAA',
      windowStart.toISOString(),
    ],
    ['gone there, its call just before the window', 'kept', 'a01000000000009AAA', ago(90 * day + 1)],
  ] as const)('%s → %s here', async (_, outcome, salesforceId, callAt) => {
    const kept = outcome === 'kept';
    await watermarked();
    await syncedPlan('plan-1', salesforceId, callAt);
    await reconcileIfDue(salesforceHas(['a01000000000001AAA']).ctx);
    expect(await db.plans.get('plan-1')).toEqual(kept ? expect.anything() : undefined);
    expect(await db.bases.get(['plans', 'plan-1'])).toEqual(kept ? expect.anything() : undefined);
  });

  it('is judged by its last synced call time when the row is gone here', async () => {
    await watermarked();
    await syncedPlan('plan-1', 'a01000000000009AAA', ago(day), { row: false });
    await db.outbox.add({ table: 'plans', key: 'plan-1', op: 'delete', planKey: 'plan-1', at: ago(0) });
    await reconcileIfDue(salesforceHas([]).ctx);
    expect(await db.bases.get(['plans', 'plan-1'])).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('becomes a conflict when the rep changed it since', async () => {
    await watermarked();
    await syncedPlan('plan-1', 'a01000000000009AAA', ago(day));
    await db.outbox.add({ table: 'plans', key: 'plan-1', op: 'upsert', planKey: 'plan-1', at: ago(0) });
    await reconcileIfDue(salesforceHas([]).ctx);
    expect(await db.plans.get('plan-1')).toBeDefined();
    expect(await db.conflicts.get(['plans', 'plan-1'])).toMatchObject({ remoteDeleted: true });
  });
});

describe('a synced objection Salesforce no longer has', () => {
  it.each([
    ['still in Salesforce', 'kept', ['a02000000000001AAA']],
    ['gone there, its plan still there', 'removed', []],
  ] as const)('%s → %s here', async (_, outcome, objectionIds) => {
    const kept = outcome === 'kept';
    await watermarked();
    await syncedPlan('plan-1', 'a01000000000001AAA', ago(day));
    await syncedObjection('objection-1', 'plan-1', 'a02000000000001AAA');
    await reconcileIfDue(salesforceHas(['a01000000000001AAA'], [...objectionIds]).ctx);
    expect(await db.plans.get('plan-1')).toBeDefined();
    expect(await db.objections.get('objection-1')).toEqual(kept ? expect.anything() : undefined);
  });

  it('is kept when its plan is not here to tell its call time', async () => {
    await watermarked();
    await syncedObjection('objection-1', 'plan-gone', 'a02000000000001AAA');
    await reconcileIfDue(salesforceHas([], []).ctx);
    expect(await db.objections.get('objection-1')).toBeDefined();
  });

  it('is kept when its plan is before the window', async () => {
    await watermarked();
    await syncedPlan('plan-1', 'a01000000000001AAA', ago(100 * day));
    await syncedObjection('objection-1', 'plan-1', 'a02000000000001AAA');
    await reconcileIfDue(salesforceHas(['a01000000000001AAA'], []).ctx);
    expect(await db.objections.get('objection-1')).toBeDefined();
  });
});
