import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { deletePlan } from '../../../lib/db/delete-plan';
import { savePlan } from '../../../lib/db/save-plan';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { pendingChanges } from '../../../lib/sync/pending-changes';
import { resolveConflict } from '../../../lib/sync/resolve-conflict';
import { resolveRejection } from '../../../lib/sync/resolve-rejection';
import { readSyncStatus } from '../../../lib/sync/sync-status';
import { browserOf, demoControl, orgPlan } from './support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await demoControl(org, 'POST', 'reset');
});

function planFor(goal: string): CallPlan {
  return {
    ...newCallPlan(showcaseOpportunityId, new Date()),
    goal,
    bestNextStep: 'Pilot order signed',
    objections: [{ ...newObjection(0, true), objection: 'Price', response: 'Payback' }],
  };
}

async function editInSalesforce(planKey: string, fields: Record<string, unknown>, as = 'admin@precall.demo') {
  const { token } = org.org.signIn(as);
  const response = await fetch(`${org.url}/services/data/v62.0/sobjects/Call_Plan__c/Plan_Key__c/${planKey}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
  if (!response.ok) throw new Error(await response.text());
}

describe('conflicts', () => {
  it('the same field changed on both sides is kept, shown with both values, not pushed, then resolved', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Goal at first'), new Date(), riley.session.userId);
    await riley.sync();
    await editInSalesforce(plan.planKey, { Goal__c: 'Goal from Salesforce' });
    await savePlan(riley.db, { ...plan, goal: 'Goal from here' }, new Date(), riley.session.userId);

    expect(await riley.sync()).toMatchObject({ ok: true });
    // Neither side silently overwritten.
    expect(orgPlan(org, plan.planKey)?.Goal__c).toBe('Goal from Salesforce');
    expect((await riley.db.plans.get(plan.planKey))?.goal).toBe('Goal from here');
    const [change] = await pendingChanges(riley.db);
    expect(change).toMatchObject({ planKey: plan.planKey, state: 'conflict' });
    expect(change?.problems[0]).toMatchObject({
      kind: 'conflict',
      fields: [
        {
          field: 'goal',
          label: 'Goal',
          base: 'Goal at first',
          local: 'Goal from here',
          remote: 'Goal from Salesforce',
        },
      ],
    });
    expect((await readSyncStatus(riley.db, null)).conflicts).toBe(1);
    // A second run does not push it either.
    await riley.sync();
    expect(orgPlan(org, plan.planKey)?.Goal__c).toBe('Goal from Salesforce');

    await resolveConflict(
      riley.db,
      riley.session.userId,
      { table: 'plans', key: plan.planKey },
      { kind: 'fields', choices: { goal: 'local' } },
      new Date(),
    );
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)?.Goal__c).toBe('Goal from here');
    expect(await riley.db.conflicts.count()).toBe(0);
    expect(await riley.db.outbox.count()).toBe(0);
  });

  it("choosing Salesforce's value takes it here and sends nothing", async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Goal at first'), new Date(), riley.session.userId);
    await riley.sync();
    await editInSalesforce(plan.planKey, { Goal__c: 'Theirs' });
    await savePlan(riley.db, { ...plan, goal: 'Mine' }, new Date(), riley.session.userId);
    await riley.sync();
    await resolveConflict(
      riley.db,
      riley.session.userId,
      { table: 'plans', key: plan.planKey },
      { kind: 'fields', choices: { goal: 'remote' } },
      new Date(),
    );
    expect((await riley.db.plans.get(plan.planKey))?.goal).toBe('Theirs');
    await demoControl(org, 'DELETE', 'stats');
    await riley.sync();
    const stats = (await demoControl(org, 'GET', 'stats')) as { byKind: Record<string, number> };
    expect(stats.byKind['collections.upsert']).toBeUndefined();
    expect(await riley.db.outbox.count()).toBe(0);
  });

  it('a plan deleted in Salesforce while edited here: restore brings it back with its objections', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Keep me'), new Date(), riley.session.userId);
    await riley.sync();
    const id = orgPlan(org, plan.planKey)?.Id as string;
    const { token } = org.org.signIn('admin@precall.demo');
    await fetch(`${org.url}/services/data/v62.0/sobjects/Call_Plan__c/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    await savePlan(riley.db, { ...plan, goal: 'Keep me, edited' }, new Date(), riley.session.userId);
    await riley.sync();
    expect(orgPlan(org, plan.planKey)).toBeUndefined();
    expect(await riley.db.conflicts.get(['plans', plan.planKey])).toMatchObject({ remoteDeleted: true });
    expect(await riley.db.objections.where('planKey').equals(plan.planKey).count()).toBe(1);

    await resolveConflict(
      riley.db,
      riley.session.userId,
      { table: 'plans', key: plan.planKey },
      { kind: 'restore' },
      new Date(),
    );
    expect(await riley.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toMatchObject({ Goal__c: 'Keep me, edited' });
    expect(await riley.db.conflicts.count()).toBe(0);
  });

  it('a plan deleted in Salesforce and untouched here simply goes; accepting a deletion forgets it', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Let me go'), new Date(), riley.session.userId);
    await riley.sync();
    const id = orgPlan(org, plan.planKey)?.Id as string;
    const { token } = org.org.signIn('admin@precall.demo');
    await fetch(`${org.url}/services/data/v62.0/sobjects/Call_Plan__c/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    await riley.sync();
    expect(await riley.db.plans.get(plan.planKey)).toBeUndefined();
    expect(await riley.db.objections.where('planKey').equals(plan.planKey).count()).toBe(0);
  });

  it('a plan deleted here while changed in Salesforce: the rep chooses, and "delete anyway" deletes it', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Delete me'), new Date(), riley.session.userId);
    await riley.sync();
    await editInSalesforce(plan.planKey, { Walk_Away__c: 'Changed there' });
    await deletePlan(riley.db, plan.planKey, new Date());
    await riley.sync();
    expect(orgPlan(org, plan.planKey)).toBeDefined();
    expect(await riley.db.conflicts.get(['plans', plan.planKey])).toMatchObject({
      localDeleted: true,
      fields: [{ field: 'walkAway', remote: 'Changed there' }],
    });
    await resolveConflict(
      riley.db,
      riley.session.userId,
      { table: 'plans', key: plan.planKey },
      { kind: 'delete' },
      new Date(),
    );
    await riley.sync();
    expect(orgPlan(org, plan.planKey)).toBeUndefined();
  });

  it('a refused change can be discarded: Salesforce’s version comes back', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Fine goal'), new Date(), riley.session.userId);
    await riley.sync();
    await demoControl(org, 'POST', 'faults', { kind: 'validation', field: 'Goal__c', value: 'Bad goal' });
    await savePlan(riley.db, { ...plan, goal: 'Bad goal' }, new Date(), riley.session.userId);
    await riley.sync();
    expect(await riley.db.rejections.count()).toBe(1);
    await resolveRejection(riley.db, { table: 'plans', key: plan.planKey }, 'discard', new Date());
    expect((await riley.db.plans.get(plan.planKey))?.goal).toBe('Fine goal');
    expect(await readSyncStatus(riley.db, null)).toMatchObject({ unsynced: 0 });
  });
});

describe('a manager and a rep', () => {
  it("Morgan sees Riley's plans by opportunity; his coaching note pushes only Coach_Note__c", async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(riley.db, planFor('Rep goal'), new Date(), riley.session.userId);
    await riley.sync();
    const morgan = browserOf(org, 'morgan');
    const pulled = await morgan.service().pullOpportunities(morgan.session, morgan.db, [showcaseOpportunityId]);
    expect(pulled).toMatchObject({ pulled: [showcaseOpportunityId], notVisible: [] });
    const seen = await morgan.db.plans.get(plan.planKey);
    expect(seen).toMatchObject({ goal: 'Rep goal', ownerId: riley.session.userId });

    // Riley changes the goal meanwhile; Morgan writes a note on his older copy.
    await savePlan(riley.db, { ...plan, goal: 'Rep goal, sharper' }, new Date(), riley.session.userId);
    await riley.sync();
    const { objections: _o, ...stored } = { ...plan, ...seen };
    await savePlan(
      morgan.db,
      { ...stored, objections: plan.objections, coachNote: 'Ask for the budget owner' },
      new Date(),
      morgan.session.userId,
    );
    expect(await morgan.sync()).toMatchObject({ ok: true });
    expect(orgPlan(org, plan.planKey)).toMatchObject({
      Goal__c: 'Rep goal, sharper',
      Coach_Note__c: 'Ask for the budget owner',
    });
    await riley.sync();
    expect((await riley.db.plans.get(plan.planKey))?.coachNote).toBe('Ask for the budget owner');
  });

  it('an opportunity Sam cannot see is reported as not visible', async () => {
    const sam = browserOf(org, 'sam');
    const pulled = await sam.service().pullOpportunities(sam.session, sam.db, [showcaseOpportunityId]);
    expect(pulled).toEqual({ pulled: [], notVisible: [showcaseOpportunityId] });
  });

  it('asks Salesforce once per opportunity within the freshness window', async () => {
    const riley = browserOf(org, 'riley');
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    await demoControl(org, 'DELETE', 'stats');
    const again = await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    expect(again.pulled).toEqual([]);
    expect(((await demoControl(org, 'GET', 'stats')) as { total: number }).total).toBe(0);
  });
});
