import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { showcaseOpportunityId } from '../../../demo/org/seed-data';
import { type DemoServer, startDemoServer } from '../../../demo/server';
import { PrecallDb } from '../../../lib/db/precall-db';
import { savePlan } from '../../../lib/db/save-plan';
import type { Session } from '../../../lib/messaging/protocol';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { to18 } from '../../../lib/model/record-id';
import { pullOpportunities } from '../../../lib/sync/pull-opportunities';
import { resolveConflict } from '../../../lib/sync/resolve-conflict';
import { createSalesforceClient, type QueryPage, type SalesforceClient } from '../../../lib/sync/salesforce-client';
import { defaultSyncOptions } from '../../../lib/sync/sync-context';
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

/** Riley's plan with one objection, synced, then deleted in Salesforce by an admin. */
async function syncedPlanDeletedByAdmin(goal: string) {
  const riley = browserOf(org, 'riley');
  const plan = await savePlan(
    riley.db,
    {
      ...newCallPlan(showcaseOpportunityId, new Date()),
      goal,
      bestNextStep: 'Pilot order signed',
      objections: [{ ...newObjection(0, true), objection: 'Price' }],
    },
    new Date(),
    riley.session.userId,
  );
  expect(await riley.sync()).toMatchObject({ ok: true });
  const [planId] = await ids(`SELECT Id FROM Call_Plan__c WHERE Plan_Key__c = '${plan.planKey}'`);
  await asAdmin('DELETE', `sobjects/Call_Plan__c/${planId}`);
  return { riley, plan };
}

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

  it('1,500 opportunities come in several queries, each within the limit Salesforce puts on a URI', async () => {
    const seeded = (await demoControl(org, 'POST', 'seed', {
      opportunities: 1500,
      plans: 300,
      owners: ['riley@precall.demo'],
    })) as { opportunityIds: string[] };
    const riley = browserOf(org, 'riley');
    await demoControl(org, 'DELETE', 'stats');
    const pulled = await riley.service().pullOpportunities(riley.session, riley.db, seeded.opportunityIds);
    expect(pulled.failure).toBeUndefined();
    expect(pulled.pulled).toHaveLength(1500);
    expect(await statsOf('riley@precall.demo')).toEqual({ query: 3 });
    expect(await riley.db.opportunities.count()).toBe(1500);
  });

  it('a plan deleted in Salesforce while edited here keeps its objections for the rep’s choice; restore brings them back', async () => {
    const { riley, plan } = await syncedPlanDeletedByAdmin('Keep me');
    await savePlan(riley.db, { ...plan, goal: 'Keep me, edited' }, new Date(), riley.session.userId);
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId], { force: true });
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
    expect(
      await ids(`SELECT Id FROM Call_Plan_Objection__c WHERE Call_Plan__r.Plan_Key__c = '${plan.planKey}'`),
    ).toHaveLength(1);
  });

  it('a plan deleted in Salesforce goes here with its objections', async () => {
    const { riley, plan } = await syncedPlanDeletedByAdmin('Deleted by an admin');
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId], { force: true });
    expect(await riley.db.plans.get(plan.planKey)).toBeUndefined();
    expect(await riley.db.objections.where('planKey').equals(plan.planKey).count()).toBe(0);
  });
});

type Browser = ReturnType<typeof browserOf>;
type Row = Record<string, unknown>;
const day = 24 * 60 * 60_000;

/**
 * Salesforce as a browser reaches it, each first page reshaped by `reshape` before Sync reads
 * it; the further pages `reshape` keeps are answered here, the rest by Salesforce.
 */
function reshaped(browser: Browser, reshape: (records: Row[], later: Map<string, QueryPage>) => void) {
  const asked = { more: [] as string[] };
  const later = new Map<string, QueryPage>();
  const client = (session: Session): SalesforceClient => {
    const salesforce = createSalesforceClient(browser.access, session);
    return {
      ...salesforce,
      async query(soql, options) {
        const page = await salesforce.query(soql, options);
        reshape(page.records as Row[], later);
        return page;
      },
      async queryMore(url) {
        asked.more.push(url);
        return later.get(url) ?? salesforce.queryMore(url);
      },
    };
  };
  return { client, asked, later };
}

const childListsOf = (opportunity: Row): [Row, string][] => [
  ...(((opportunity.Call_Plans__r as QueryPage | null)?.records ?? []) as Row[]).map((plan): [Row, string] => [
    plan,
    'Objections__r',
  ]),
  [opportunity, 'Call_Plans__r'],
  [opportunity, 'Events'],
];

/** Every child list sent one record a page, as Salesforce sends a large one; `done` as given. */
function onePerPage(done: 'false' | 'true, with a link all the same') {
  return (records: Row[], later: Map<string, QueryPage>) => {
    for (const opportunity of records) {
      for (const [parent, relationship] of childListsOf(opportunity)) {
        const list = parent[relationship] as QueryPage | null;
        if (!list || list.records.length < 2) continue;
        const cursor = `/services/data/v62.0/query/01g${relationship}${later.size}`;
        const url = (index: number) => `${cursor}-${index}`;
        const pages = list.records.map(
          (record, index): QueryPage => ({
            totalSize: list.records.length,
            done: index === list.records.length - 1,
            ...(index < list.records.length - 1 ? { nextRecordsUrl: url(index + 1) } : {}),
            records: [record],
          }),
        );
        pages.forEach((page, index) => {
          if (index > 0) later.set(url(index), page);
        });
        parent[relationship] = { ...pages[0], done: done !== 'false' };
      }
    }
  };
}

async function twoPlansWithTwoObjections(riley: Browser) {
  for (const goal of ['Agree the pilot scope', 'Meet the buyer']) {
    await savePlan(
      riley.db,
      {
        ...newCallPlan(showcaseOpportunityId, new Date()),
        goal,
        bestNextStep: 'Pilot order signed',
        objections: [
          { ...newObjection(0, true), objection: `${goal}: price` },
          { ...newObjection(1, true), objection: `${goal}: timing` },
        ],
      },
      new Date(),
      riley.session.userId,
    );
  }
  expect(await riley.sync()).toMatchObject({ ok: true });
}

async function keptBy(browser: Browser) {
  return {
    plans: (await browser.db.plans.toCollection().primaryKeys()).sort(),
    objections: (await browser.db.objections.toCollection().primaryKeys()).sort(),
    meetings: (await browser.db.meetings.toCollection().primaryKeys()).sort(),
  };
}

describe('a child list Salesforce sends in batches', () => {
  it('brings every plan, objection and meeting of an opportunity, page after page', async () => {
    await twoPlansWithTwoObjections(browserOf(org, 'riley'));
    const whole = browserOf(org, 'riley');
    await whole.service().pullOpportunities(whole.session, whole.db, [showcaseOpportunityId]);
    const everything = await keptBy(whole);
    expect(everything.objections.length).toBeGreaterThanOrEqual(4);
    expect(everything.meetings.length).toBeGreaterThanOrEqual(2);

    const paged = browserOf(org, 'riley');
    const { client, asked, later } = reshaped(paged, onePerPage('false'));
    const steps: string[] = [];
    const checkpoint = (step: string) => steps.push(step);
    const pulled = await paged
      .service({ client, checkpoint })
      .pullOpportunities(paged.session, paged.db, [showcaseOpportunityId]);
    expect(pulled).toEqual({ pulled: [showcaseOpportunityId], notVisible: [] });
    expect(await keptBy(paged)).toEqual(everything);
    expect(asked.more.sort()).toEqual([...later.keys()].sort());
    expect(steps).toEqual(['pull opportunities', ...asked.more.map(() => 'query page')]);
  });

  it('a child list Salesforce says is done is complete, whatever link it carries', async () => {
    await twoPlansWithTwoObjections(browserOf(org, 'riley'));
    const paged = browserOf(org, 'riley');
    const { client, asked } = reshaped(paged, onePerPage('true, with a link all the same'));
    await paged.service({ client }).pullOpportunities(paged.session, paged.db, [showcaseOpportunityId]);
    expect(asked.more).toEqual([]);
    expect(await keptBy(paged)).toMatchObject({ plans: [expect.any(String)], meetings: [expect.any(String)] });
  });
});

describe('a record Precall cannot read stops the pull, named', () => {
  const firstOf = (list: unknown) => (list as QueryPage).records[0] as Row;
  it.each<[string, (opportunity: Row) => Row]>([
    ['an opportunity', (opportunity) => opportunity],
    ['a call plan', (opportunity) => firstOf(opportunity.Call_Plans__r)],
    ['an objection', (opportunity) => firstOf(firstOf(opportunity.Call_Plans__r).Objections__r)],
    ['an event', (opportunity) => firstOf(opportunity.Events)],
  ])('%s', async (what, recordOf) => {
    await twoPlansWithTwoObjections(browserOf(org, 'riley'));
    const riley = browserOf(org, 'riley');
    let id: unknown;
    const { client } = reshaped(riley, (records) => {
      const record = recordOf(records[0] as Row);
      record.SystemModstamp = 42;
      id = record.Id;
    });
    const pulled = await riley.service({ client }).pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    expect(pulled.failure).toMatchObject({ kind: 'error', code: 'MALFORMED_RECORD' });
    expect(pulled.failure?.message).toContain(`Salesforce sent ${what} (${id}) Precall cannot read`);
  });
});

describe('the meetings a pull answers for', () => {
  const now = new Date('2026-03-10T09:00:00.000Z');
  const from = now.getTime() - defaultSyncOptions.meetingsPastDays * day;
  const to = now.getTime() + defaultSyncOptions.meetingsAheadDays * day;

  it.each<[string, number, boolean]>([
    ['a millisecond before the window stays', from - 1, true],
    ['exactly at its start goes', from, false],
    ['within it goes', now.getTime(), false],
    ['exactly at its end goes', to, false],
    ['a millisecond after it stays', to + 1, true],
  ])('a meeting kept here that Salesforce no longer has, %s', async (_, startAt, kept) => {
    const riley = browserOf(org, 'riley');
    riley.setNow(() => now);
    const id = to18('00U5gR000000099');
    await riley.db.meetings.put({
      id,
      opportunityId: showcaseOpportunityId,
      subject: 'Pilot review',
      type: 'Meeting',
      startAt: new Date(startAt).toISOString(),
      endAt: null,
      ownerId: riley.session.userId,
      fetchedAt: now.toISOString(),
    });
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    expect(await riley.db.meetings.get(id)).toEqual(kept ? expect.objectContaining({ id }) : undefined);
  });

  it('a pull in which nothing went deletes nothing', async () => {
    const riley = browserOf(org, 'riley');
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    const meetingsDeleted = vi.spyOn(riley.db.meetings, 'bulkDelete');
    const opportunitiesDeleted = vi.spyOn(riley.db.opportunities, 'bulkDelete');
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId], { force: true });
    expect(meetingsDeleted).not.toHaveBeenCalled();
    expect(opportunitiesDeleted).not.toHaveBeenCalled();
    expect(await riley.db.meetings.where('opportunityId').equals(showcaseOpportunityId).count()).toBeGreaterThan(0);
  });
});

describe('the freshness window', () => {
  it.each<[string, number, string[]]>([
    ['a millisecond before it ends: not asked again', defaultSyncOptions.freshForMs - 1, []],
    ['once it has ended: asked again', defaultSyncOptions.freshForMs, [showcaseOpportunityId]],
  ])('%s', async (_, later, pulled) => {
    const riley = browserOf(org, 'riley');
    const first = new Date('2026-03-10T09:00:00.000Z');
    riley.setNow(() => first);
    await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId]);
    riley.setNow(() => new Date(first.getTime() + later));
    expect((await riley.service().pullOpportunities(riley.session, riley.db, [showcaseOpportunityId])).pulled).toEqual(
      pulled,
    );
  });
});

describe('more ids than one query holds', () => {
  const ids = Array.from({ length: 1500 }, (_, index) => to18(`0065gR${String(index).padStart(9, '0')}`));
  let db: PrecallDb;
  beforeEach(() => {
    db = new PrecallDb(`pull-opportunities-${crypto.randomUUID()}`);
  });
  afterEach(async () => db.delete());

  it('several queries ask each id once, by its 15 characters, and every opportunity comes', async () => {
    const asked: string[][] = [];
    const salesforce = {
      async query(soql: string): Promise<QueryPage> {
        const listed = [...soql.slice(soql.lastIndexOf(' IN (')).matchAll(/'(\w+)'/g)].map(
          (match) => match[1] as string,
        );
        asked.push(listed);
        const records = listed.map((id) => ({
          Id: to18(id),
          Name: `Deal ${id}`,
          StageName: 'Prospecting',
          CloseDate: '2026-06-30',
          Amount: 1000,
          OwnerId: '0055g00000Rly01AAB',
          AccountId: null,
          IsClosed: false,
          IsWon: false,
          SystemModstamp: '2026-03-01T10:00:00.000+0000',
          Call_Plans__r: null,
          Events: null,
        }));
        return { totalSize: records.length, done: true, records };
      },
    } as unknown as SalesforceClient;
    const pulled = await pullOpportunities(
      {
        db,
        session: { userId: '0055g00000Rly01AAB' } as Session,
        salesforce,
        options: defaultSyncOptions,
        now: () => new Date('2026-03-10T09:00:00.000Z'),
        progress: () => {},
        checkpoint: () => {},
      },
      ids,
    );
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.flat()).toEqual(ids.map((id) => id.slice(0, 15)));
    expect(pulled).toEqual({ pulled: ids, notVisible: [] });
    expect(await db.opportunities.count()).toBe(ids.length);
  });
});
