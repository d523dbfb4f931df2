import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrecallDb } from '../../../lib/db/precall-db';
import { draftsOfOpportunity } from '../../../lib/db/read-drafts';
import { newCallPlan } from '../../../lib/model/call-plan';

const opportunityId = '0065g00000Nwd01AAB';
const otherOpportunityId = '0065g00000Nwd02AAB';
const now = new Date('2026-03-10T12:00:00.000Z');
let db: PrecallDb;

beforeEach(() => {
  db = new PrecallDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => vi.restoreAllMocks());

/** Keys in storage order, so a test can say which rows the table hands back first. */
const keyOf = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

async function putDraft(n: number, savedAt: string, onOpportunity = opportunityId, plan?: Record<string, unknown>) {
  const typed = { ...newCallPlan(onOpportunity, now, () => keyOf(n)), goal: `Goal ${n}` };
  await db.drafts.put({
    planKey: keyOf(n),
    opportunityId: onOpportunity,
    plan: plan ?? typed,
    isNew: n % 2 === 0,
    savedAt,
  });
}

describe('draftsOfOpportunity', () => {
  it.each([
    {
      name: 'latest first, whatever order they were stored in',
      saved: ['2026-03-10T09:00:00.000Z', '2026-03-10T11:00:00.000Z', '2026-03-10T10:00:00.000Z'],
      goals: ['Goal 2', 'Goal 3', 'Goal 1'],
    },
    {
      name: 'already latest first',
      saved: ['2026-03-10T11:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-10T09:00:00.000Z'],
      goals: ['Goal 1', 'Goal 2', 'Goal 3'],
    },
    {
      name: 'drafts saved at the same instant keep a steady order',
      saved: ['2026-03-10T10:00:00.000Z', '2026-03-10T10:00:00.000Z', '2026-03-10T11:00:00.000Z'],
      goals: ['Goal 3', 'Goal 1', 'Goal 2'],
    },
  ])('lists the drafts $name', async ({ saved, goals }) => {
    for (const [i, savedAt] of saved.entries()) await putDraft(i + 1, savedAt);
    const drafts = await draftsOfOpportunity(db, opportunityId);
    expect(drafts.map((d) => d.plan.goal)).toEqual(goals);
  });

  it('answers each draft with its plan, whether it is new and when it was saved', async () => {
    await putDraft(2, '2026-03-10T09:00:00.000Z');
    await putDraft(3, '2026-03-10T09:30:00.000Z', otherOpportunityId);
    const [draft, ...rest] = await draftsOfOpportunity(db, opportunityId);
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({
      planKey: keyOf(2),
      opportunityId,
      isNew: true,
      savedAt: '2026-03-10T09:00:00.000Z',
      plan: { planKey: keyOf(2), goal: 'Goal 2', objections: [] },
    });
  });

  it('keeps a draft this version cannot read out of the list, and says so in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await putDraft(1, '2026-03-10T09:00:00.000Z', opportunityId, { planKey: keyOf(1), callType: 'Carrier pigeon' });
    await putDraft(2, '2026-03-10T08:00:00.000Z');
    const drafts = await draftsOfOpportunity(db, opportunityId);
    expect(drafts.map((d) => d.planKey)).toEqual([keyOf(2)]);
    expect(warn).toHaveBeenCalledWith(`Precall: draft ${keyOf(1)} is not readable by this version`, expect.anything());
    expect(await db.drafts.count()).toBe(2);
  });
});
