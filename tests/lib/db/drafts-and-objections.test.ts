import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardDraft } from '../../../lib/db/discard-draft';
import { planWithObjections } from '../../../lib/db/plan-with-objections';
import { PrecallDb } from '../../../lib/db/precall-db';
import { savePlan } from '../../../lib/db/save-plan';
import { newCallPlan, newObjection } from '../../../lib/model/call-plan';

const opportunityId = '0065g00000Nwd01AAB';
const rep = '0055g00000Rly01AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
let db: PrecallDb;
beforeEach(() => {
  db = new PrecallDb(`drafts-and-objections-${crypto.randomUUID()}`);
});
afterEach(async () => db.delete());

describe('a saved plan read back', () => {
  it('brings its objections in the order the rep put them, whatever their keys', async () => {
    const objections = ['Price', 'Timing', 'Competitor'].map((objection, sortOrder) => ({
      ...newObjection(sortOrder, true),
      objection,
      // Keys that sort the other way round: the order is the rep's, not the index's.
      objectionKey: `0000000${9 - sortOrder}-0000-4000-8000-000000000000`,
    }));
    const plan = await savePlan(
      db,
      { ...newCallPlan(opportunityId, now), goal: 'Agree the pilot', objections },
      now,
      rep,
    );
    const read = await db.transaction('r', db.plans, db.objections, () => planWithObjections(db, plan.planKey));
    expect(read?.objections.map((objection) => objection.objection)).toEqual(['Price', 'Timing', 'Competitor']);
    expect(read?.objections[0]).not.toHaveProperty('planKey');
  });

  it('is nothing when there is no such plan', async () => {
    expect(await db.transaction('r', db.plans, db.objections, () => planWithObjections(db, 'none'))).toBeUndefined();
  });
});

describe('discarding a draft', () => {
  it('says whether there was one to discard', async () => {
    const plan = newCallPlan(opportunityId, now);
    await db.drafts.put({ planKey: plan.planKey, opportunityId, plan, savedAt: now.toISOString() } as never);
    expect(await discardDraft(db, plan.planKey)).toBe(true);
    expect(await db.drafts.get(plan.planKey)).toBeUndefined();
    expect(await discardDraft(db, plan.planKey)).toBe(false);
  });
});
