import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { deletePlan } from '../../../lib/db/delete-plan';
import { plansOfOpportunity } from '../../../lib/db/read-plans';
import { savePlan } from '../../../lib/db/save-plan';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { browserOf, demoControl, orgPlan, orgRecords } from './support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await demoControl(org, 'POST', 'reset');
});

const opportunityId = showcaseOpportunityId;

function planFor(goal: string, objections = 2): CallPlan {
  return {
    ...newCallPlan(opportunityId, new Date()),
    goal,
    bestNextStep: 'Pilot order signed',
    objections: Array.from({ length: objections }, (_, i) => ({
      ...newObjection(i, true),
      objection: `Objection ${i + 1}`,
      response: `Answer ${i + 1}`,
    })),
  };
}

describe('a plan written here reaches Salesforce and comes back', () => {
  it('pushes a new plan with its objections, each once, and empties the outbox', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Agree the pilot scope'), new Date(), riley.session.userId);
    const result = await riley.sync();
    expect(result).toMatchObject({ ok: true });
    const stored = orgPlan(org, plan.planKey);
    expect(stored).toMatchObject({ Goal__c: 'Agree the pilot scope', Opportunity__c: opportunityId });
    const objections = orgRecords(org, 'Call_Plan_Objection__c').filter((o) => o.Call_Plan__c === stored?.Id);
    expect(objections.map((o) => o.Objection__c).sort()).toEqual(['Objection 1', 'Objection 2']);
    expect(await riley.db.outbox.count()).toBe(0);
    expect((await riley.db.bases.get(['plans', plan.planKey]))?.salesforceId).toBe(stored?.Id);
  });

  it("pulls the demo org's seeded plans of Riley's opportunities, and no one else's", async () => {
    const riley = browserOf(org, 'riley');
    expect(await riley.sync({ caches: true })).toMatchObject({ ok: true });
    const plans = await riley.db.plans.toArray();
    expect(plans.length).toBeGreaterThan(0);
    expect(new Set(plans.map((p) => p.ownerId))).toEqual(new Set([riley.session.userId]));
    const seeded = orgRecords(org, 'Call_Plan__c').filter((p) => p.CreatedById === riley.session.userId);
    expect(plans.length).toBe(seeded.length);
    expect(await riley.db.opportunities.count()).toBeGreaterThan(0);
    expect(await riley.db.users.get(riley.session.userId)).toMatchObject({ name: 'Riley Chen' });
  });

  it('sends only the changed field of an existing plan, and an edit made in Salesforce comes back', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('First goal'), new Date(), riley.session.userId);
    await riley.sync();
    // Changed in Salesforce by someone else: the walk-away.
    const admin = org.org.signIn('admin@precall.demo').token;
    await fetch(`${org.url}/services/data/v62.0/sobjects/Call_Plan__c/Plan_Key__c/${plan.planKey}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Walk_Away__c: 'No budget by June' }),
    });
    // Changed here: the goal.
    await savePlan(riley.db, { ...plan, goal: 'Second goal' }, new Date(), riley.session.userId);
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toMatchObject({ Goal__c: 'Second goal', Walk_Away__c: 'No budget by June' });
    const [local] = await plansOfOpportunity(riley.db, opportunityId).then((all) =>
      all.filter((p) => p.planKey === plan.planKey),
    );
    expect(local).toMatchObject({ goal: 'Second goal', walkAway: 'No budget by June' });
    expect(await riley.db.conflicts.count()).toBe(0);
  });

  it('deletes a plan in Salesforce by id, its objections with it', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('To be deleted'), new Date(), riley.session.userId);
    await riley.sync();
    await deletePlan(riley.db, plan.planKey, new Date());
    // One request: the plan's delete takes its objections; their entries leave with it.
    expect(await riley.sync()).toMatchObject({ ok: true, push: { acknowledged: 1, requests: 1 } });
    expect(orgPlan(org, plan.planKey)).toBeUndefined();
    expect(
      orgRecords(org, 'Call_Plan_Objection__c').filter((o) => String(o.Objection__c).startsWith('Objection ')),
    ).toEqual([]);
    expect(await riley.db.outbox.count()).toBe(0);
    expect(await riley.db.bases.count()).toBeGreaterThan(0);
    expect(await riley.db.bases.where('planKey').equals(plan.planKey).count()).toBe(0);
  });

  it('makes no API call when there is nothing to push and nothing changed', async () => {
    const riley = browserOf(org, 'riley');
    await riley.sync();
    await demoControl(org, 'DELETE', 'stats');
    await riley.sync();
    const stats = (await demoControl(org, 'GET', 'stats')) as { byKind: Record<string, number> };
    // Both incremental queries (plans, objections) in one composite request, nothing pushed.
    expect(stats.byKind).toEqual({ composite: 1 });
  });

  it("does not read a quiet org's last changes again at every pull", async () => {
    // Salesforce's clock an hour on, the seeded plans are an hour old when Riley first pulls.
    await demoControl(org, 'POST', 'clock', { now: new Date(Date.now() + 3_600_000).toISOString() });
    try {
      const riley = browserOf(org, 'riley');
      const pulled = () => {
        const totals: number[] = [];
        const progress = (_db: string, p: { phase: string; total: number } | null) => {
          if (p?.phase === 'pull') totals.push(p.total);
        };
        return { totals, deps: { progress } };
      };
      const first = pulled();
      await riley.sync({ caches: false }, first.deps);
      expect(Math.max(...first.totals)).toBeGreaterThan(0);
      const again = pulled();
      await riley.sync({ caches: false }, again.deps);
      // Reaching back the overlap before its watermark alone, it would read the seeded plans again.
      expect(again.totals.filter((total) => total > 0)).toEqual([]);
    } finally {
      await demoControl(org, 'POST', 'clock', { now: null });
    }
  });
});
