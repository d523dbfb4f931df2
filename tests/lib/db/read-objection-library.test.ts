import { beforeEach, describe, expect, it } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { readObjectionLibrary } from '../../../lib/db/read-objection-library';
import type { OpportunityRow } from '../../../lib/db/salesforce-cache';
import type { StoredObjection } from '../../../lib/db/stored-objection';
import { newCallPlan, newObjection, type StoredCallPlan } from '../../../lib/model/call-plan';

const now = new Date('2026-03-10T12:00:00.000Z');
const rep = '0055g00000Rly01AAB';
const account = '0015g00000Acc01AAB';
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});

function deal(id: string, accountId: string | null, stageName: string): OpportunityRow {
  return {
    id,
    name: `Deal ${id}`,
    stageName,
    closeDate: '2026-04-30',
    amount: null,
    ownerId: rep,
    accountId,
    accountName: null,
    isClosed: false,
    isWon: false,
    fetchedAt: now.toISOString(),
  };
}

function plan(planKey: string, opportunityId: string): StoredCallPlan {
  const { objections: _none, ...fresh } = newCallPlan(opportunityId, now, () => planKey);
  return { ...fresh, ownerId: rep };
}

function met(objectionKey: string, planKey: string, objection: string, raised = true): StoredObjection {
  return {
    ...newObjection(0, true, () => objectionKey),
    planKey,
    objection,
    response: `Answer to ${objection}`,
    raised,
    handled: 'Yes',
  };
}

/** Three earlier deals: one on the same account, one at the same stage, one elsewhere. */
async function seedTeam() {
  await db.opportunities.bulkPut([
    deal('006SameAccount', account, 'Negotiation'),
    deal('006SameStage', '0015g00000Acc02AAB', 'Proposal'),
    deal('006Elsewhere', '0015g00000Acc03AAB', 'Discovery'),
  ]);
  await db.plans.bulkPut([plan('p1', '006SameAccount'), plan('p2', '006SameStage'), plan('p3', '006Elsewhere')]);
  await db.objections.bulkPut([
    met('o1', 'p1', 'Too expensive'),
    met('o2', 'p2', 'No budget'),
    met('o3', 'p3', 'Timing'),
    met('o4', 'p3', 'Security review', false),
  ]);
}

const reasonsOf = (suggestions: { objection: string; reasons: string[] }[]) =>
  Object.fromEntries(suggestions.map((s) => [s.objection, s.reasons.join(' ')]));

describe('readObjectionLibrary', () => {
  it('ranks by the deal’s account and stage as this browser holds them', async () => {
    await seedTeam();
    await db.opportunities.put(deal('006Planned', account, 'Proposal'));
    const suggestions = await readObjectionLibrary(db, '006Planned', []);
    expect(suggestions.map((s) => s.objection)).toEqual(['Too expensive', 'No budget', 'Timing']);
    expect(reasonsOf(suggestions)).toEqual({
      'Too expensive': 'same-account team',
      'No budget': 'same-stage team',
      Timing: 'team',
    });
    expect(suggestions[0]?.responses).toEqual([{ response: 'Answer to Too expensive', handled: 'Yes' }]);
  });

  it('ranks a deal not pulled yet by the team’s frequency alone', async () => {
    await seedTeam();
    await db.objections.put(met('o5', 'p3', 'no  budget'));
    const suggestions = await readObjectionLibrary(db, '006NotPulled', []);
    expect(suggestions.map((s) => [s.objection, s.raised])).toEqual([
      ['No budget', 2],
      ['Timing', 1],
      ['Too expensive', 1],
    ]);
    expect(suggestions.every((s) => s.reasons.join() === 'team')).toBe(true);
  });

  it('leaves out objections the plan already lists and ones never raised', async () => {
    await seedTeam();
    const suggestions = await readObjectionLibrary(db, '006NotPulled', ['too expensive']);
    expect(suggestions.map((s) => s.objection)).toEqual(['No budget', 'Timing']);
  });
});
