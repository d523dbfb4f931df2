import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallPlan, newCallPlan, newObjection } from '../../../lib/model/call-plan';
import { draftMatchesPlan } from '../../../lib/model/draft-plan';

const base: CallPlan = {
  ...newCallPlan('0065g00000Nwd01AAB', new Date('2026-03-02T10:00:00.000Z')),
  goal: 'Agree pilot scope',
  objections: [{ ...newObjection(0, true), objection: 'Too expensive' }],
};

describe('draftMatchesPlan', () => {
  it.each<[string, Partial<CallPlan> & Record<string, unknown>, boolean]>([
    ['the same plan', {}, true],
    ['only the modified time differs', { updatedAt: '2026-03-05T10:00:00.000Z' }, true],
    ['only the first-written time differs', { createdAt: '2026-03-01T10:00:00.000Z' }, true],
    ['the saved copy carries its owner', { ownerId: '0055g00000Rly01AAB' }, true],
    ['the goal differs', { goal: 'Agree pilot scope and dates' }, false],
    ['a field was emptied', { goal: '' }, false],
    ['an outcome was picked', { outcome: 'Advance' }, false],
    [
      'an objection was reworded',
      { objections: [{ ...base.objections[0], objection: 'Too dear' } as CallPlan['objections'][0]] },
      false,
    ],
    ['an objection was added', { objections: [...base.objections, newObjection(1, true)] }, false],
  ])('%s → %s', (_name, patch, same) => {
    expect(draftMatchesPlan({ ...base, ...patch } as CallPlan, base)).toBe(same);
  });

  it('does not care in which order the fields were written', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as CallPlan;
    expect(draftMatchesPlan(reordered, base)).toBe(true);
  });
});

describe('draftPlanSchema', () => {
  // Built at the first parse and kept (z.lazy): each test loads the module afresh so that its
  // own parse builds the schema it checks.
  let schema: typeof import('../../../lib/model/draft-plan');
  beforeEach(async () => {
    vi.resetModules();
    schema = await import('../../../lib/model/draft-plan');
  });
  const errorsOf = (draft: unknown) => {
    const result = schema.draftPlanSchema.safeParse(draft);
    return result.success ? null : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('keeps what a plan would refuse: an empty goal, a goal over its Salesforce limit', () => {
    expect(errorsOf({ ...base, goal: '' })).toBeNull();
    expect(errorsOf({ ...base, goal: 'x'.repeat(10_000) })).toBeNull();
  });

  it('caps every text at the draft size, and says so', () => {
    const tooLong = 'x'.repeat(schema.draftTextCap + 1);
    expect(
      errorsOf({ ...base, questions: tooLong, objections: [{ ...base.objections[0], response: tooLong }] }),
    ).toEqual({
      questions: `A draft field can hold at most ${schema.draftTextCap} characters`,
      'objections.0.response': `A draft field can hold at most ${schema.draftTextCap} characters`,
    });
  });

  it('refuses an objection out of place and an id that is not an opportunity', () => {
    expect(
      errorsOf({
        ...base,
        opportunityId: 'not-an-id',
        objections: [{ ...base.objections[0], sortOrder: -1 }],
      }),
    ).toEqual({
      opportunityId: 'Not a Salesforce opportunity id',
      'objections.0.sortOrder': expect.any(String),
    });
    expect(errorsOf({ ...base, objections: [{ ...base.objections[0], sortOrder: 7 }] })).toBeNull();
  });
});
