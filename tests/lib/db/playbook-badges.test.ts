import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markUnreadyPlans } from '../../../lib/db/playbook-badges';
import type { PrecallDb } from '../../../lib/db/precall-db';
import type { BadgeSummaries } from '../../../lib/model/badge-summary';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { plannedSummary, stalledSummary } from '../../support/badge-summaries';
import { contoso, northwind, openTeamDb, proposalPlaybook, putOpportunity, storePulled, team } from './playbook-team';

const now = new Date('2026-03-10T09:00:00.000Z');
const callAt = '2026-03-11T09:00:00.000Z';
let db: PrecallDb;

beforeEach(async () => {
  db = await openTeamDb();
});
afterEach(() => vi.restoreAllMocks());

const planned = (at = callAt) => plannedSummary(at);
const stalled = stalledSummary();

/** A plan that holds the goal and best next step but not what Proposal/Price Quote asks more. */
async function putPlan(opportunityId: string, ownerId: string, changes: Partial<CallPlan> = {}, key?: string) {
  const { objections, ...plan } = {
    ...newCallPlan(opportunityId, now, key ? () => key : undefined),
    callAt,
    goal: 'Agree the pilot scope',
    bestNextStep: 'Signed pilot order',
    ...changes,
  };
  await db.plans.put({ ...plan, ownerId });
  await db.objections.bulkPut(objections.map((o) => ({ ...o, planKey: plan.planKey })));
}

const ready = {
  minimumNextStep: 'Workshop',
  objections: [{ ...newObjection(0, true), objection: 'Too expensive' }],
};

async function withTeamPlaybook() {
  await storePulled(db, proposalPlaybook('Team West', false, now), team.morgan);
}

describe('markUnreadyPlans', () => {
  it("marks a planned call whose plan misses what the owner's team playbook asks at the stage", async () => {
    await withTeamPlaybook();
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    await putPlan(northwind, team.riley);
    const marked = await markUnreadyPlans(db, { [northwind]: planned() });
    expect(marked[northwind]?.label).toBe('Planned tomorrow, not ready');
    expect(marked[northwind]?.card?.notes).toEqual([
      'Playbook: not ready, missing Minimum next step, At least 1 expected objection',
    ]);
  });

  it('leaves a ready plan, a stage the playbook asks nothing of and every other badge as they are', async () => {
    await withTeamPlaybook();
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    await putPlan(northwind, team.riley, ready);
    await putOpportunity(db, contoso, team.sam, 'Prospecting');
    await putPlan(contoso, team.sam);
    const summaries = { [northwind]: planned(), [contoso]: planned(), '0065g00000Oth01AAB': stalled };
    expect(await markUnreadyPlans(db, summaries)).toEqual(summaries);
  });

  it('leaves a planned badge alone when its opportunity is not cached here yet, and marks the others', async () => {
    await withTeamPlaybook();
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    await putPlan(northwind, team.riley);
    const marked = await markUnreadyPlans(db, { '0065g00000Unk01AAB': planned(), [northwind]: planned() });
    expect(marked['0065g00000Unk01AAB']).toEqual(planned());
    expect(marked[northwind]?.label).toBe('Planned tomorrow, not ready');
  });

  it('keeps the badges it does not mark beside the one it marks', async () => {
    await withTeamPlaybook();
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    await putPlan(northwind, team.riley);
    const marked = await markUnreadyPlans(db, { [northwind]: planned(), '0065g00000Oth01AAB': stalled });
    expect(Object.keys(marked).sort()).toEqual([northwind, '0065g00000Oth01AAB']);
    expect(marked['0065g00000Oth01AAB']).toEqual(stalled);
  });

  it('judges the plan of the call the badge is about, not another plan of the opportunity', async () => {
    await withTeamPlaybook();
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    // Stored first (by key): a ready plan for a later call.
    await putPlan(
      northwind,
      team.riley,
      { ...ready, callAt: '2026-03-20T09:00:00.000Z' },
      '00000000-0000-4000-8000-000000000001',
    );
    await putPlan(northwind, team.riley, {}, '00000000-0000-4000-8000-000000000002');
    expect((await markUnreadyPlans(db, { [northwind]: planned() }))[northwind]?.label).toBe(
      'Planned tomorrow, not ready',
    );
  });

  it("judges by the org's default playbook when the owner is not among the cached users", async () => {
    await storePulled(db, proposalPlaybook('Org default', true, now), team.avery);
    await putOpportunity(db, northwind, team.drew, 'Proposal/Price Quote');
    await putPlan(northwind, team.drew);
    expect((await markUnreadyPlans(db, { [northwind]: planned() }))[northwind]?.label).toBe(
      'Planned tomorrow, not ready',
    );
  });

  it.each([
    { name: 'the opportunity is not cached', opportunity: false, plan: true, at: callAt, playbook: 'team' },
    {
      name: 'no plan is for the call the badge shows',
      opportunity: true,
      plan: true,
      at: '2026-03-12T09:00:00.000Z',
      playbook: 'team',
    },
    {
      name: "the owner's team has no playbook and there is no default",
      opportunity: true,
      plan: true,
      at: callAt,
      playbook: 'other team',
    },
  ])('leaves a planned badge as it is when $name', async ({ opportunity, plan, at, playbook }) => {
    await storePulled(db, proposalPlaybook('A playbook', false, now), playbook === 'team' ? team.morgan : team.avery);
    if (opportunity) await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    if (plan) await putPlan(northwind, team.riley);
    const summaries = { [northwind]: planned(at) };
    expect(await markUnreadyPlans(db, summaries)).toEqual(summaries);
  });

  it.each([
    { name: 'no badge is about a planned call', summaries: { [northwind]: stalled }, playbook: true },
    { name: 'no playbook is cached', summaries: { [northwind]: planned() }, playbook: false },
  ])('reads nothing more and answers the same summaries when $name', async ({ summaries, playbook }) => {
    if (playbook) await withTeamPlaybook();
    await putOpportunity(db, northwind, team.riley, 'Proposal/Price Quote');
    await putPlan(northwind, team.riley);
    const reads = vi.spyOn(db.opportunities, 'get');
    const toArray = vi.spyOn(db.playbooks, 'toArray');
    expect(await markUnreadyPlans(db, summaries as BadgeSummaries)).toBe(summaries);
    expect(reads).not.toHaveBeenCalled();
    expect(toArray).not.toHaveBeenCalled();
  });
});
