import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { PrecallDb } from '../../../lib/db/precall-db';
import { savePlan } from '../../../lib/db/save-plan';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import {
  isPrunable,
  type PlanKeepFacts,
  pruneIfDue,
  pruneOldPlans,
  pruneRowName,
  pullWindowStart,
} from '../../../lib/sync/prune-old-plans';
import { browserOf, demoControl, orgPlan } from './support/sync-harness';

const now = new Date('2026-06-01T12:00:00.000Z');
const windowStart = pullWindowStart(now, 90);
const day = 24 * 60 * 60_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * day).toISOString();

describe('which plan may leave this browser', () => {
  const synced: PlanKeepFacts = {
    callAt: daysAgo(91),
    allConfirmed: true,
    waiting: false,
    inConflict: false,
    refused: false,
    hasDraft: false,
  };
  it.each<[string, Partial<PlanKeepFacts>, boolean]>([
    ['synced, called before the window', {}, true],
    [
      'synced, called a millisecond before the window',
      { callAt: new Date(windowStart.getTime() - 1).toISOString() },
      true,
    ],
    ['synced, called exactly at the window start', { callAt: windowStart.toISOString() }, false],
    ['synced, called within the window', { callAt: daysAgo(89) }, false],
    ['synced, a call ahead', { callAt: new Date(now.getTime() + day).toISOString() }, false],
    ['a call time that is no date', { callAt: 'not a date' }, false],
    ['never confirmed by Salesforce (or an objection not)', { allConfirmed: false }, false],
    ['a change waiting to go', { waiting: true }, false],
    ['in conflict', { inConflict: true }, false],
    ['refused by Salesforce', { refused: true }, false],
    ['an unsaved draft', { hasDraft: true }, false],
  ])('%s', (_name, facts, prunable) => {
    expect(isPrunable({ ...synced, ...facts }, windowStart)).toBe(prunable);
  });

  it('the window starts 90 days before now', () => {
    expect(pullWindowStart(now, 90).toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });
});

describe('pruning the local database', () => {
  let db: PrecallDb;
  beforeEach(() => {
    db = new PrecallDb(`prune-${crypto.randomUUID()}`);
  });

  /** A plan with two objections, stored as a pull leaves it: rows and base copies, nothing waiting. */
  async function syncedPlan(callAt: string, goal = 'Agree on scope') {
    const planKey = crypto.randomUUID();
    const objectionKeys = [crypto.randomUUID(), crypto.randomUUID()];
    const plan = { ...newCallPlan(showcaseOpportunityId, new Date(callAt)), planKey, callAt, goal, ownerId: '005x' };
    const { objections: _none, ...row } = plan;
    await db.plans.put({ ...row, updatedAt: callAt } as never);
    await db.bases.put({
      table: 'plans',
      key: planKey,
      planKey,
      salesforceId: `a00${planKey.slice(0, 15)}`,
      systemModstamp: callAt,
      values: { goal, callAt },
    });
    for (const [index, objectionKey] of objectionKeys.entries()) {
      await db.objections.put({ ...newObjection(index, true), objectionKey, planKey } as never);
      await db.bases.put({
        table: 'objections',
        key: objectionKey,
        planKey,
        salesforceId: `a01${objectionKey.slice(0, 15)}`,
        systemModstamp: callAt,
        values: { objection: `Objection ${index}` },
      });
    }
    await db.noteReads.put({ planKey, note: 'Good plan', readAt: callAt });
    return { planKey, objectionKeys };
  }

  async function left() {
    return {
      plans: (await db.plans.toCollection().primaryKeys()).sort(),
      objections: await db.objections.count(),
      bases: await db.bases.count(),
      noteReads: await db.noteReads.count(),
    };
  }

  it('removes an old synced plan with its objections, base copies and note reads, and keeps recent ones', async () => {
    const old = await syncedPlan(daysAgo(120));
    const recent = await syncedPlan(daysAgo(30));
    const ahead = await syncedPlan(new Date(now.getTime() + 3 * day).toISOString());

    expect(await pruneOldPlans(db, windowStart)).toEqual([old.planKey]);

    const after = await left();
    expect(after.plans).toEqual([recent.planKey, ahead.planKey].sort());
    expect(after.objections).toBe(4);
    expect(after.bases).toBe(6);
    expect(after.noteReads).toBe(2);
    expect(await db.bases.where('planKey').equals(old.planKey).count()).toBe(0);
  });

  it('never prunes anything unsynced', async () => {
    const waiting = await syncedPlan(daysAgo(200));
    await db.outbox.add({
      table: 'plans',
      key: waiting.planKey,
      op: 'upsert',
      planKey: waiting.planKey,
      at: now.toISOString(),
    });
    const objectionWaiting = await syncedPlan(daysAgo(200));
    await db.outbox.add({
      table: 'objections',
      key: objectionWaiting.objectionKeys[1] as string,
      op: 'upsert',
      planKey: objectionWaiting.planKey,
      at: now.toISOString(),
    });
    const conflicted = await syncedPlan(daysAgo(200));
    await db.conflicts.put({
      table: 'objections',
      key: conflicted.objectionKeys[0] as string,
      planKey: conflicted.planKey,
      fields: [{ field: 'response', base: 'a', local: 'b', remote: 'c' }],
      remoteDeleted: false,
      remoteModstamp: null,
      detectedAt: now.toISOString(),
    });
    const refused = await syncedPlan(daysAgo(200));
    await db.rejections.put({
      table: 'plans',
      key: refused.planKey,
      planKey: refused.planKey,
      seq: 1,
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'No',
      fields: [],
      at: now.toISOString(),
    });
    const drafted = await syncedPlan(daysAgo(200));
    await db.drafts.put({
      planKey: drafted.planKey,
      opportunityId: showcaseOpportunityId,
      plan: { goal: 'typed, not saved' },
      isNew: false,
      savedAt: now.toISOString(),
    });
    const objectionNeverSent = await syncedPlan(daysAgo(200));
    await db.bases.delete(['objections', objectionNeverSent.objectionKeys[0] as string]);
    const planNeverSent = await syncedPlan(daysAgo(200));
    await db.bases.delete(['plans', planNeverSent.planKey]);

    expect(await pruneOldPlans(db, windowStart)).toEqual([]);
    expect((await left()).plans).toHaveLength(7);
    expect(await db.objections.count()).toBe(14);
  });

  it('judges each plan again in its own transaction: an edit saved meanwhile keeps it', async () => {
    const old = await syncedPlan(daysAgo(120));
    const other = await syncedPlan(daysAgo(130));
    // The rep saves an edit of the old plan while pruning runs: the outbox entry lands before
    // the batch's transaction reads it.
    const edit = db.outbox.add({
      table: 'plans',
      key: old.planKey,
      op: 'upsert',
      planKey: old.planKey,
      at: now.toISOString(),
    });
    const pruned = pruneOldPlans(db, windowStart);
    await edit;
    expect(await pruned).toEqual([other.planKey]);
    expect(await db.plans.get(old.planKey)).toBeDefined();
  });

  /** Runs `before(n)` as pruning opens its n-th transaction, and counts them. */
  function beforeEachBatch(before: (batch: number) => Promise<unknown>) {
    const open = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let opened = 0;
    vi.spyOn(db, 'transaction').mockImplementation((async (...args: unknown[]) => {
      opened += 1;
      await before(opened);
      return open(...args);
    }) as never);
    return () => opened;
  }

  it.each([
    ['a millisecond before the window', new Date(windowStart.getTime() - 1).toISOString()],
    ['before the window, written with an offset that sorts after its start', '2026-03-03T13:59:00.000+02:00'],
  ])('prunes a plan called %s', async (_, callAt) => {
    const plan = await syncedPlan(callAt);
    expect(await pruneOldPlans(db, windowStart)).toEqual([plan.planKey]);
  });

  it('prunes many plans a hundred at a time, each batch judged when its turn comes', async () => {
    const plans = Array.from({ length: 200 }, (_, index) => ({
      planKey: crypto.randomUUID(),
      callAt: daysAgo(400 - index),
    }));
    await db.plans.bulkPut(
      plans.map(
        ({ planKey, callAt }) =>
          ({ ...newCallPlan(showcaseOpportunityId, new Date(callAt)), planKey, callAt, updatedAt: callAt }) as never,
      ),
    );
    await db.bases.bulkPut(
      plans.map(({ planKey, callAt }) => ({
        table: 'plans' as const,
        key: planKey,
        planKey,
        salesforceId: `a00${planKey.slice(0, 15)}`,
        systemModstamp: callAt,
        values: { callAt },
      })),
    );
    const latest = plans[199]?.planKey as string;
    const batches = beforeEachBatch(async (batch) => {
      if (batch === 2) {
        await db.outbox.add({ table: 'plans', key: latest, op: 'upsert', planKey: latest, at: now.toISOString() });
      }
    });

    const pruned = await pruneOldPlans(db, windowStart);
    expect(batches()).toBe(2);
    expect(pruned).toEqual(plans.slice(0, 199).map((plan) => plan.planKey));
    expect((await db.plans.toCollection().primaryKeys()) as string[]).toEqual([latest]);
  });

  it('passes over a plan removed here meanwhile', async () => {
    const removed = await syncedPlan(daysAgo(130));
    const other = await syncedPlan(daysAgo(120));
    beforeEachBatch(() => db.plans.delete(removed.planKey));
    expect(await pruneOldPlans(db, windowStart)).toEqual([other.planKey]);
  });

  it('prunes at most once a day and remembers when', async () => {
    const first = await syncedPlan(daysAgo(100));
    expect(await pruneIfDue(db, now, 90)).toEqual([first.planKey]);
    expect((await db.syncState.get(pruneRowName))?.lastSuccessAt).toBe(now.toISOString());

    const second = await syncedPlan(daysAgo(100));
    const laterThatDay = new Date(now.getTime() + day - 1);
    expect(await pruneIfDue(db, laterThatDay, 90)).toBeNull();
    expect(await db.plans.get(second.planKey)).toBeDefined();

    const nextDay = new Date(now.getTime() + day);
    expect(await pruneIfDue(db, nextDay, 90)).toEqual([second.planKey]);
    expect((await db.syncState.get(pruneRowName))?.lastSuccessAt).toBe(nextDay.toISOString());
  });

  it('uses the window it is given', async () => {
    const plan = await syncedPlan(daysAgo(40));
    expect(await pruneIfDue(db, now, 90)).toEqual([]);
    expect(await pruneIfDue(db, new Date(now.getTime() + day), 30)).toEqual([plan.planKey]);
  });
});

describe('a sync run prunes what Salesforce holds', () => {
  let org: DemoServer;
  beforeAll(async () => {
    org = await startDemoServer({ port: 0, demoMode: true });
  });
  afterAll(async () => org?.close());

  function oldPlan(goal: string, callAt: Date): CallPlan {
    return {
      ...newCallPlan(showcaseOpportunityId, callAt),
      goal,
      bestNextStep: 'Pilot order signed',
      objections: [{ ...newObjection(0, true), objection: 'Too expensive', response: 'Pilot first' }],
    };
  }

  it('an old plan leaves this browser once Salesforce has it; an unsynced one stays', async () => {
    await demoControl(org, 'POST', 'reset');
    const riley = browserOf(org, 'riley');
    const written = new Date(Date.now() - 120 * day);
    const plan = await savePlan(riley.db, oldPlan('Old and synced', written), written, riley.session.userId);
    // Pushed the day it was written (the browser's clock then), never pruned on that day.
    riley.setNow(() => written);
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toMatchObject({ Goal__c: 'Old and synced' });
    expect(await riley.db.plans.get(plan.planKey)).toBeDefined();

    // Today: a second old plan Salesforce refuses (a validation rule); the first one goes.
    riley.setNow(() => new Date());
    const unsynced = await savePlan(riley.db, oldPlan('Bad goal', written), new Date(), riley.session.userId);
    await demoControl(org, 'POST', 'faults', { kind: 'validation', field: 'Goal__c', value: 'Bad goal' });
    const run = await riley.sync();
    expect(run).toMatchObject({ ok: true });
    expect(await riley.db.plans.get(plan.planKey)).toBeUndefined();
    expect(await riley.db.objections.where('planKey').equals(plan.planKey).count()).toBe(0);
    expect(await riley.db.bases.where('planKey').equals(plan.planKey).count()).toBe(0);
    // Salesforce keeps it.
    expect(orgPlan(org, plan.planKey)).toMatchObject({ Goal__c: 'Old and synced' });
    // Refused, so not in Salesforce: kept with its objection and its refusal.
    expect(await riley.db.plans.get(unsynced.planKey)).toMatchObject({ goal: 'Bad goal' });
    expect(await riley.db.objections.where('planKey').equals(unsynced.planKey).count()).toBe(1);
    expect(await riley.db.rejections.where('planKey').equals(unsynced.planKey).count()).toBe(1);
    expect(orgPlan(org, unsynced.planKey)).toBeUndefined();
    await demoControl(org, 'DELETE', 'faults');
  }, 60_000);
});
