import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { savePlan } from '../../../lib/db/save-plan';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { browserOf, demoControl } from './support/sync-harness';

let org: DemoServer;
beforeAll(async () => {
  org = await startDemoServer({ port: 0, demoMode: true });
});
afterAll(async () => org?.close());
beforeEach(async () => {
  await demoControl(org, 'POST', 'reset');
});

async function asAdmin(method: string, path: string): Promise<unknown> {
  const { token } = org.org.signIn('admin@precall.demo');
  const response = await fetch(`${org.url}/services/data/v62.0/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(await response.text());
  return response.status === 204 ? null : response.json();
}

const ids = async (soql: string) =>
  ((await asAdmin('GET', `query?q=${encodeURIComponent(soql)}`)) as { records: { Id: string }[] }).records.map(
    (record) => record.Id,
  );

const statsOf = async (user: string) =>
  ((await demoControl(org, 'GET', 'stats')) as { byUser: Record<string, { byKind: Record<string, number> }> }).byUser[
    user
  ]?.byKind ?? {};

describe('pulling opportunities by id', () => {
  it('500 opportunities with their plans come in one query, within the URI limit', async () => {
    const seeded = (await demoControl(org, 'POST', 'seed', {
      opportunities: 500,
      plans: 500,
      owners: ['riley@precall.demo'],
    })) as { opportunityIds: string[] };
    const riley = browserOf(org, 'riley');
    await demoControl(org, 'DELETE', 'stats');
    const pulled = await riley.service().pullOpportunities(riley.session, riley.db, seeded.opportunityIds);
    expect(pulled.pulled).toHaveLength(500);
    expect(await statsOf('riley@precall.demo')).toEqual({ query: 1 });
    expect(await riley.db.opportunities.count()).toBe(500);
    const withPlans = new Set((await riley.db.plans.toArray()).map((plan) => plan.opportunityId));
    expect(withPlans.size).toBeGreaterThan(100);
    for (const id of withPlans) expect(seeded.opportunityIds).toContain(id);
  });

  it('an objection and a meeting deleted in Salesforce go here too, the plan stays', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(
      riley.db,
      {
        ...newCallPlan(showcaseOpportunityId, new Date()),
        goal: 'Agree the pilot scope',
        bestNextStep: 'Pilot order signed',
        objections: [
          { ...newObjection(0, true), objection: 'Price', response: 'Payback in a quarter' },
          { ...newObjection(1, true), objection: 'Timing', response: 'Start with one team' },
        ],
      },
      new Date(),
      riley.session.userId,
    );
    expect(await riley.sync()).toMatchObject({ ok: true });
    const morgan = browserOf(org, 'morgan');
    await morgan.service().pullOpportunities(morgan.session, morgan.db, [showcaseOpportunityId]);
    expect(await morgan.db.objections.where('planKey').equals(plan.planKey).count()).toBe(2);
    const meetings = await morgan.db.meetings.where('opportunityId').equals(showcaseOpportunityId).toArray();
    expect(meetings.length).toBeGreaterThan(0);

    const [price] = await ids(
      `SELECT Id FROM Call_Plan_Objection__c WHERE Call_Plan__r.Plan_Key__c = '${plan.planKey}' AND Objection__c = 'Price'`,
    );
    await asAdmin('DELETE', `sobjects/Call_Plan_Objection__c/${price}`);
    await asAdmin('DELETE', `sobjects/Event/${meetings[0]?.id}`);
    await morgan.service().pullOpportunities(morgan.session, morgan.db, [showcaseOpportunityId], { force: true });

    const left = await morgan.db.objections.where('planKey').equals(plan.planKey).toArray();
    expect(left.map((objection) => objection.objection)).toEqual(['Timing']);
    expect(await morgan.db.plans.get(plan.planKey)).toMatchObject({ goal: 'Agree the pilot scope' });
    expect(await morgan.db.meetings.get(meetings[0]?.id as string)).toBeUndefined();
    expect(await morgan.db.meetings.where('opportunityId').equals(showcaseOpportunityId).count()).toBe(
      meetings.length - 1,
    );
  });

  it('asks Salesforce once within the freshness window, again when forced or when it has passed', async () => {
    const riley = browserOf(org, 'riley');
    let now = Date.now();
    riley.setNow(() => new Date(now));
    const pull = (options?: { force?: boolean }) =>
      riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId], options);
    await demoControl(org, 'DELETE', 'stats');
    expect((await pull()).pulled).toEqual([showcaseOpportunityId]);
    expect((await pull()).pulled).toEqual([]);
    expect(await statsOf('riley@precall.demo')).toEqual({ query: 1 });
    expect((await pull({ force: true })).pulled).toEqual([showcaseOpportunityId]);
    now += 10 * 60_000;
    expect((await pull()).pulled).toEqual([showcaseOpportunityId]);
    expect(await statsOf('riley@precall.demo')).toEqual({ query: 3 });
  });

  it('asks each record once, by its 15- or 18-character id, and never puts anything else in the query', async () => {
    const riley = browserOf(org, 'riley');
    const pulled = await riley
      .service()
      .pullOpportunities(riley.session, riley.db, [
        showcaseOpportunityId,
        showcaseOpportunityId.slice(0, 15),
        "006' OR Name != '",
        'not an id',
      ]);
    expect(pulled).toMatchObject({ pulled: [showcaseOpportunityId], notVisible: [] });
    expect(await riley.db.opportunities.count()).toBe(1);
  });

  it('an opportunity Salesforce no longer shows takes its synced, untouched plans with it; an unsent edit stays', async () => {
    const riley = browserOf(org, 'riley');
    const planFor = (goal: string) => ({
      ...newCallPlan(showcaseOpportunityId, new Date()),
      goal,
      bestNextStep: 'Pilot order signed',
      objections: [{ ...newObjection(0, true), objection: `${goal}: price` }],
    });
    const synced = await savePlan(riley.db, planFor('Synced and untouched'), new Date(), riley.session.userId);
    const reworked = await savePlan(riley.db, planFor('Synced, then changed'), new Date(), riley.session.userId);
    expect(await riley.sync()).toMatchObject({ ok: true, push: { rejected: 0 } });
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    const edited = await savePlan(riley.db, planFor('Written offline'), new Date(), riley.session.userId);
    await savePlan(riley.db, { ...reworked, goal: 'Changed offline' }, new Date(), riley.session.userId);
    await asAdmin('DELETE', `sobjects/Opportunity/${showcaseOpportunityId}`);

    const pulled = await riley
      .service()
      .pullOpportunities(riley.session, riley.db, [showcaseOpportunityId], { force: true });
    expect(pulled).toMatchObject({ pulled: [], notVisible: [showcaseOpportunityId] });
    expect(await riley.db.plans.get(synced.planKey)).toBeUndefined();
    expect(await riley.db.objections.where('planKey').equals(synced.planKey).count()).toBe(0);
    expect(await riley.db.plans.get(edited.planKey)).toMatchObject({ goal: 'Written offline' });
    expect(await riley.db.plans.get(reworked.planKey)).toMatchObject({ goal: 'Changed offline' });
    expect(await riley.db.opportunities.get(showcaseOpportunityId)).toBeUndefined();
  });

  it('a plan deleted in Salesforce goes here with its objections', async () => {
    const riley = browserOf(org, 'riley');
    const plan = await savePlan(
      riley.db,
      {
        ...newCallPlan(showcaseOpportunityId, new Date()),
        goal: 'Deleted by an admin',
        bestNextStep: 'Pilot order signed',
        objections: [{ ...newObjection(0, true), objection: 'Price' }],
      },
      new Date(),
      riley.session.userId,
    );
    expect(await riley.sync()).toMatchObject({ ok: true });
    const [planId] = await ids(`SELECT Id FROM Call_Plan__c WHERE Plan_Key__c = '${plan.planKey}'`);
    await asAdmin('DELETE', `sobjects/Call_Plan__c/${planId}`);
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId], { force: true });
    expect(await riley.db.plans.get(plan.planKey)).toBeUndefined();
    expect(await riley.db.objections.where('planKey').equals(plan.planKey).count()).toBe(0);
  });
});
