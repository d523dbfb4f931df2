import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { savePlan } from '../../../lib/db/save-plan';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { createSalesforceClient } from '../../../lib/sync/salesforce-client';
import { SyncStopped } from '../../../lib/sync/sync-failure';
import { readSyncStatus } from '../../../lib/sync/sync-status';
import { browserOf, demoControl, orgPlan, orgRecords } from './support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await demoControl(org, 'POST', 'reset');
});

const fault = (body: unknown) => demoControl(org, 'POST', 'faults', body);

function planFor(goal: string): CallPlan {
  return {
    ...newCallPlan(showcaseOpportunityId, new Date()),
    goal,
    bestNextStep: 'Pilot order signed',
    objections: [{ ...newObjection(0, true), objection: `${goal}: price`, response: 'Payback' }],
  };
}

async function rileyWithPlan(goal = 'Agree the pilot scope') {
  const riley = browserOf(org, 'riley');
  const plan = await savePlan(riley.db, planFor(goal), new Date(), riley.session.userId);
  return { riley, plan };
}

const pushPath = '/composite/sobjects/';
const pullPath = '/queryAll';

describe.each([
  ['a 503', { kind: 'status', status: 503 }, 'retryable'],
  ['a 500', { kind: 'status', status: 500 }, 'retryable'],
  ['a dropped connection', { kind: 'drop' }, 'offline'],
  ['the daily limit', { kind: 'limit' }, 'limit'],
])('%s', (_name, faultBody, kind) => {
  it.each([
    ['during push', { method: 'PATCH', path: pushPath }],
    ['during pull', { method: 'GET', path: pullPath }],
  ])('%s keeps every change, says why, retries later, and then goes through', async (_when, match) => {
    const { riley, plan } = await rileyWithPlan();
    await fault({ ...faultBody, match });
    const failed = await riley.sync();
    expect(failed).toMatchObject({ ok: false, failure: { kind } });
    expect(await riley.db.outbox.count()).toBe(2);
    expect(orgPlan(org, plan.planKey)).toBeUndefined();
    const run = await riley.db.syncState.get('run');
    expect(run?.lastError?.kind).toBe(kind);
    expect(Date.parse(run?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());

    await demoControl(org, 'DELETE', 'faults');
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toMatchObject({ Goal__c: 'Agree the pilot scope' });
    expect(await riley.db.outbox.count()).toBe(0);
    expect((await riley.db.syncState.get('run'))?.lastError).toBeNull();
  });
});

describe('sessions', () => {
  it('an expired session is renewed once from the browser and the push goes through', async () => {
    const { riley, plan } = await rileyWithPlan();
    await demoControl(org, 'POST', 'expire-token', { username: 'riley@precall.demo' });
    riley.signInAgain();
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toBeDefined();
  });

  it('a 401 is never taken for offline: a session gone for good pauses sync as signed out, nothing lost', async () => {
    const { riley, plan } = await rileyWithPlan();
    await demoControl(org, 'POST', 'expire-token', { username: 'riley@precall.demo' });
    const result = await riley.sync();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'signed-out' } });
    const status = await readSyncStatus(riley.db, null);
    expect(status.state.kind).toBe('signed-out');
    expect(status.pending).toBe(1);
    // Paused: no retry time, the next sign-in starts it.
    expect((await riley.db.syncState.get('run'))?.nextAttemptAt).toBeNull();
    expect(orgPlan(org, plan.planKey)).toBeUndefined();
    riley.signInAgain();
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toBeDefined();
  });
});

describe('the daily API limit', () => {
  it('exhausted: nothing is lost and sync waits at least 45 minutes; restored: it goes through', async () => {
    const { riley, plan } = await rileyWithPlan();
    const limits = (await demoControl(org, 'POST', 'limits', {})) as { max: number };
    await demoControl(org, 'POST', 'limits', { used: limits.max });
    const started = Date.now();
    expect(await riley.sync()).toMatchObject({ ok: false, failure: { kind: 'limit' } });
    const run = await riley.db.syncState.get('run');
    expect(Date.parse(run?.nextAttemptAt ?? '') - started).toBeGreaterThanOrEqual(45 * 60_000);
    expect((await readSyncStatus(riley.db, null)).state).toMatchObject({
      kind: 'error',
      reason: expect.stringMatching(/limit/),
    });
    await demoControl(org, 'POST', 'limits', { used: 0 });
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toBeDefined();
  });
});

describe('partial failure and refusals', () => {
  it('a validation rule refuses one plan: it is kept with the reason, the others go through', async () => {
    const riley = browserOf(org, 'riley');
    const good = await savePlan(riley.db, planFor('Good plan'), new Date(), riley.session.userId);
    const bad = await savePlan(riley.db, planFor('Refused plan'), new Date(), riley.session.userId);
    await fault({
      kind: 'validation',
      field: 'Goal__c',
      value: 'Refused plan',
      message: 'Goal must name the buyer',
      match: { method: 'PATCH' },
    });
    const result = await riley.sync();
    expect(result).toMatchObject({ ok: true, push: { rejected: 1 } });
    expect(orgPlan(org, good.planKey)).toBeDefined();
    expect(orgPlan(org, bad.planKey)).toBeUndefined();
    expect(await riley.db.rejections.get(['plans', bad.planKey])).toMatchObject({
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Goal must name the buyer',
    });
    // The rep's edit is kept, and the refused plan's objection waits for its plan.
    expect((await riley.db.plans.get(bad.planKey))?.goal).toBe('Refused plan');
    const status = await readSyncStatus(riley.db, null);
    expect(status).toMatchObject({ rejected: 1, pending: 0, unsynced: 1 });
    // Not sent again until the rep changes it…
    await demoControl(org, 'DELETE', 'stats');
    await riley.sync();
    expect(
      ((await demoControl(org, 'GET', 'stats')) as { byKind: Record<string, number> }).byKind['collections.upsert'],
    ).toBeUndefined();
    // …and once corrected, it goes.
    await savePlan(riley.db, { ...bad, goal: 'Refused plan, now naming the buyer' }, new Date(), riley.session.userId);
    expect(await riley.sync()).toMatchObject({ ok: true, push: { rejected: 0 } });
    expect(orgPlan(org, bad.planKey)).toMatchObject({ Goal__c: 'Refused plan, now naming the buyer' });
    expect(await riley.db.rejections.count()).toBe(0);
  });
});

describe('a worker stopped mid-push', () => {
  it('after Salesforce saved the push but before the answer: restarted, nothing is duplicated', async () => {
    const { riley, plan } = await rileyWithPlan();
    // The upsert reaches Salesforce; the worker dies before it reads the answer.
    const dying = (session: typeof riley.session) => {
      const real = createSalesforceClient(riley.access, session);
      return {
        ...real,
        async upsert(...args: Parameters<typeof real.upsert>) {
          await real.upsert(...args);
          throw new SyncStopped('stopped');
        },
      };
    };
    await expect(riley.sync({ caches: false }, { client: dying })).rejects.toThrow(SyncStopped);
    expect(await riley.db.outbox.count()).toBe(2);
    // The rep keeps typing meanwhile.
    await savePlan(riley.db, { ...plan, goal: 'Agree the pilot scope and owner' }, new Date(), riley.session.userId);

    riley.restart();
    expect(await riley.sync()).toMatchObject({ ok: true });
    const plans = orgRecords(org, 'Call_Plan__c').filter((p) => p.Plan_Key__c === plan.planKey);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ Goal__c: 'Agree the pilot scope and owner' });
    expect(orgRecords(org, 'Call_Plan_Objection__c').filter((o) => o.Call_Plan__c === plans[0]?.Id)).toHaveLength(1);
    // Its own write coming back is no conflict.
    expect(await riley.db.conflicts.count()).toBe(0);
    expect(await riley.db.outbox.count()).toBe(0);
  });

  it('between steps: the next run sends the same entries again, as upserts, with no duplicate', async () => {
    const { riley, plan } = await rileyWithPlan();
    let stopAt: string | null = 'push objections';
    const checkpoint = (step: string) => {
      if (step === stopAt) throw new SyncStopped(step);
    };
    await expect(riley.sync({ caches: false }, { checkpoint })).rejects.toThrow(SyncStopped);
    // The plan went, its objection did not: the objection's entry is still there.
    expect(orgPlan(org, plan.planKey)).toBeDefined();
    expect(await riley.db.outbox.count()).toBe(1);
    stopAt = null;
    riley.restart();
    expect(await riley.sync({ caches: false }, { checkpoint })).toMatchObject({ ok: true });
    expect(orgRecords(org, 'Call_Plan__c').filter((p) => p.Plan_Key__c === plan.planKey)).toHaveLength(1);
    expect(await riley.db.outbox.count()).toBe(0);
  });
});

describe('the demo org, as Salesforce', () => {
  it('a rolled-back collection upsert still reports created on each attempted insert', async () => {
    const { token } = org.org.signIn('riley@precall.demo');
    const record = (key: string, goal: string) => ({
      attributes: { type: 'Call_Plan__c' },
      Plan_Key__c: key,
      Opportunity__c: showcaseOpportunityId,
      Call_At__c: '2026-03-10T10:00:00Z',
      Goal__c: goal,
      Best_Next_Step__c: 'Next',
    });
    const response = await fetch(`${org.url}/services/data/v62.0/composite/sobjects/Call_Plan__c/Plan_Key__c`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        allOrNone: true,
        records: [record(crypto.randomUUID(), 'Fine'), record(crypto.randomUUID(), 'x'.repeat(256))],
      }),
    });
    const results = (await response.json()) as { success: boolean; created?: boolean }[];
    expect(results.map((r) => [r.success, r.created])).toEqual([
      [false, true],
      [false, false],
    ]);
  });
});
