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
});
