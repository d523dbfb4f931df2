import { beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { plansOfOpportunity } from '../../../lib/db/read-plans';
import { savePlan } from '../../../lib/db/save-plan';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';

const opportunityId = '0065g00000Nwd01AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
const owner = '0055g00000Rly01AAB';
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`core-${crypto.randomUUID()}`);
});

function plan(goal: string, objections: string[]): CallPlan {
  return {
    ...newCallPlan(opportunityId, now),
    goal,
    bestNextStep: 'Next',
    objections: objections.map((text, i) => ({ ...newObjection(i, true), objection: text })),
  };
}

describe('the data core keeps a plan and its outbox entry together', () => {
  it('a failure writing the outbox entry leaves no plan and no objections behind', async () => {
    // The outbox refuses the write, as a full disk or a crash between the two writes would.
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(savePlan(db, plan('Never half-saved', ['Price']), now, owner)).rejects.toThrow('disk full');
    expect(await db.plans.count()).toBe(0);
    expect(await db.objections.count()).toBe(0);
  });
});

describe('plansOfOpportunity', () => {
  it('gives each plan its own objections, in order, when several plans have them', async () => {
    const first = await savePlan(db, plan('First', ['A1', 'A2']), now, owner);
    const second = await savePlan(db, plan('Second', ['B1']), now, owner);
    const plans = await plansOfOpportunity(db, opportunityId);
    const byKey = new Map(plans.map((p) => [p.planKey, p.objections.map((o) => o.objection)]));
    expect(byKey.get(first.planKey)).toEqual(['A1', 'A2']);
    expect(byKey.get(second.planKey)).toEqual(['B1']);
  });
});
