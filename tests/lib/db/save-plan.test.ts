import { beforeEach, describe, expect, it } from 'vitest';
import { deletePlan } from '../../../lib/db/delete-plan';
import { PrecallDb } from '../../../lib/db/precall-db';
import { plansOfOpportunity, summariesOf } from '../../../lib/db/read-plans';
import { savePlan } from '../../../lib/db/save-plan';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';

const opportunityId = '0065g00000Nwd01AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
const owner = '0055g00000Rly01AAB';
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});

function draft(): CallPlan {
  const plan = newCallPlan(opportunityId, now);
  return {
    ...plan,
    goal: 'Agree the pilot scope',
    bestNextStep: 'Signed pilot order',
    objections: [
      { ...newObjection(0, true), objection: 'Too expensive', response: 'Show the payback' },
      { ...newObjection(1, true), objection: 'No time this quarter', response: 'Phase it' },
    ],
  };
}

const outbox = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => `${e.op} ${e.table}`);

describe('savePlan', () => {
  it('writes the plan, its objections and one outbox entry each', async () => {
    const saved = await savePlan(db, draft(), now, owner);
    expect(saved.objections.map((o) => o.objection)).toEqual(['Too expensive', 'No time this quarter']);
    expect(await outbox()).toEqual(['upsert plans', 'upsert objections', 'upsert objections']);
    expect(await plansOfOpportunity(db, opportunityId)).toEqual([saved]);
  });

  it('queues only what changed on the next save', async () => {
    const saved = await savePlan(db, draft(), now, owner);
    await db.outbox.clear();
    await savePlan(db, { ...saved, goal: 'Agree the pilot scope and owner' }, now, owner);
    expect(await outbox()).toEqual(['upsert plans']);
    await db.outbox.clear();
    await savePlan(db, { ...saved, goal: 'Agree the pilot scope and owner' }, now, owner);
    expect(await outbox()).toEqual([]);
  });

  it('an unchanged plan saved again keeps the time it was last modified', async () => {
    const saved = await savePlan(db, draft(), now, owner);
    const later = new Date(now.getTime() + 60_000);
    const again = await savePlan(db, saved, later, owner);
    expect(again.updatedAt).toBe(now.toISOString());
    expect((await db.plans.get(saved.planKey))?.updatedAt).toBe(now.toISOString());
    const edited = await savePlan(db, { ...saved, goal: 'Agree the pilot scope and owner' }, later, owner);
    expect(edited.updatedAt).toBe(later.toISOString());
  });

  it('records removed and reordered objections', async () => {
    const saved = await savePlan(db, draft(), now, owner);
    await db.outbox.clear();
    const [first, second] = saved.objections;
    if (!first || !second) throw new Error('fixture');
    const reordered = await savePlan(db, { ...saved, objections: [second] }, now, owner);
    expect(reordered.objections).toEqual([{ ...second, sortOrder: 0 }]);
    expect(await outbox()).toEqual(['upsert objections', 'delete objections']);
    expect(await db.objections.count()).toBe(1);
  });

  it('keeps the first createdAt so a plan cannot be re-dated as planned', async () => {
    const saved = await savePlan(db, draft(), now, owner);
    const later = await savePlan(
      db,
      { ...saved, createdAt: '2020-01-01T00:00:00.000Z', goal: 'Changed' },
      new Date('2026-03-11T00:00:00Z'),
      owner,
    );
    expect(later.createdAt).toBe(saved.createdAt);
    expect(later.updatedAt).toBe('2026-03-11T00:00:00.000Z');
  });

  it('writes nothing when the transaction fails, outbox included', async () => {
    const plan = draft();
    await expect(
      db.transaction('rw', db.plans, db.objections, db.outbox, async () => {
        await savePlan(db, plan, now, owner);
        throw new Error('crash after save');
      }),
    ).rejects.toThrow('crash after save');
    expect(await db.plans.count()).toBe(0);
    expect(await db.objections.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('deletePlan', () => {
  it('removes the plan and its objections and queues their deletes', async () => {
    const saved = await savePlan(db, draft(), now, owner);
    await db.outbox.clear();
    expect(await deletePlan(db, saved.planKey, now)).toBe(true);
    expect(await plansOfOpportunity(db, opportunityId)).toEqual([]);
    expect(await outbox()).toEqual(['delete objections', 'delete objections', 'delete plans']);
    expect(await deletePlan(db, saved.planKey, now)).toBe(false);
  });
});

describe('summariesOf', () => {
  it('answers every asked opportunity, with no plan where there is none', async () => {
    await savePlan(db, draft(), now, owner);
    const summaries = await summariesOf(db, [opportunityId, '0065g00000Glx01AAB'], now);
    expect(summaries[opportunityId]?.status.kind).toBe('planned');
    expect(summaries['0065g00000Glx01AAB']?.status.kind).toBe('no-plan');
  });
});
