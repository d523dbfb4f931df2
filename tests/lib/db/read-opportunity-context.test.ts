import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { readOpportunityContext } from '../../../lib/db/read-opportunity-context';
import { savePlan } from '../../../lib/db/save-plan';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { meetingsShown } from '../../../lib/model/opportunity-context';

const opportunityId = '0065g00000Nwd01AAB';
const rep = '0055g00000Rly01AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
const hourMs = 3_600_000;
let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`opportunity-context-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

async function putOpportunity(ownerId = rep) {
  await db.opportunities.put({
    id: opportunityId,
    name: 'Northwind renewal',
    stageName: 'Negotiation/Review',
    closeDate: '2026-04-30',
    ownerId,
    isClosed: false,
    fetchedAt: now.toISOString(),
  } as never);
}

async function putMeeting(n: number, startsInHours: number) {
  const startAt = new Date(now.getTime() + startsInHours * hourMs).toISOString();
  await db.meetings.put({
    id: `00U5g00000Mtg${String(n).padStart(2, '0')}AAB`,
    opportunityId,
    subject: `Meeting ${n}`,
    type: 'Meeting',
    startAt,
    endAt: new Date(Date.parse(startAt) + hourMs).toISOString(),
  } as never);
}

describe('what the local copies say about one opportunity', () => {
  it('names the owner when the owner is cached, and says nothing of a name it does not have', async () => {
    await putOpportunity();
    expect((await readOpportunityContext(db, opportunityId, now)).opportunity).toMatchObject({
      name: 'Northwind renewal',
      ownerId: rep,
      ownerName: null,
    });
    await db.users.put({ id: rep, name: 'Riley Chen' } as never);
    expect((await readOpportunityContext(db, opportunityId, now)).opportunity?.ownerName).toBe('Riley Chen');
  });

  it(`shows the next ${meetingsShown} meetings ahead, soonest first`, async () => {
    await putOpportunity();
    for (let n = 0; n < meetingsShown + 2; n++) await putMeeting(n, meetingsShown + 2 - n);
    await putMeeting(99, -48);
    const { meetings } = await readOpportunityContext(db, opportunityId, now);
    expect(meetings).toHaveLength(meetingsShown);
    expect(meetings.map((meeting) => meeting.subject)).toEqual(
      Array.from({ length: meetingsShown }, (_, i) => `Meeting ${meetingsShown + 1 - i}`),
    );
  });

  it('lists each plan Salesforce has confirmed once, by its key, and no objection', async () => {
    await putOpportunity();
    const synced = await savePlan(
      db,
      {
        ...newCallPlan(opportunityId, now),
        goal: 'Agree the pilot',
        objections: [{ ...newObjection(0, true), objection: 'Price' }],
      },
      now,
      rep,
    );
    const local = await savePlan(db, { ...newCallPlan(opportunityId, now), goal: 'Not sent yet' }, now, rep);
    const base = (table: 'plans' | 'objections', key: string, salesforceId: string) =>
      ({ table, key, planKey: synced.planKey, salesforceId, values: {}, systemModstamp: now.toISOString() }) as never;
    await db.bases.bulkPut([
      base('plans', synced.planKey, 'a005g00000Pln01AAB'),
      base('objections', synced.objections[0]?.objectionKey as string, 'a015g00000Obj01AAB'),
    ]);
    const context = await readOpportunityContext(db, opportunityId, now);
    expect(context.plansInSalesforce).toEqual([synced.planKey]);
    expect(context.plansInSalesforce).not.toContain(local.planKey);
  });

  it('an opportunity not cached here yet has no details, and no plans in Salesforce', async () => {
    const context = await readOpportunityContext(db, opportunityId, now);
    expect(context).toMatchObject({ opportunity: null, meetings: [], plansInSalesforce: [], fetchedAt: null });
  });
});
